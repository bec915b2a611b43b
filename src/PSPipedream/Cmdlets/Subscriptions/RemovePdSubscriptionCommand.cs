using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Removes a subscription: DELETE /subscriptions with emitter_id, listener_id and event_name
    /// in the query string. A subscription made without an event name is removed with an empty
    /// event_name= (the default when -EventName is not given). Binds by property name, so
    /// Get-PdSubscription | Where-Object ListenerId -eq p_x | Remove-PdSubscription works.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PdSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemovePdSubscriptionCommand : PdItemChangeCmdlet
    {
        /// <summary>The emitting source or workflow, or p_* / dc_*.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The emitter of the subscription: a source (dc_...), a workflow (p_...), or p_* / dc_*.")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string EmitterId { get; set; } = null!;

        /// <summary>The receiving source, workflow or webhook.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The listener of the subscription: a source (dc_...), a workflow (p_...) or a webhook (wh_...).")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string ListenerId { get; set; } = null!;

        /// <summary>The subscription's event name; empty (the default) for one made without.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The subscription's event name (default, $errors, $logs, ...). Leave it out, or pass '', for a subscription made without one.")]
        [ArgumentCompleter(typeof(EventNameCompleter))]
        [AllowNull]
        [AllowEmptyString]
        public string? EventName { get; set; }

        private protected override object? ErrorTarget => SubscriptionTarget.Describe(EmitterId, ListenerId, EventName);

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(EmitterId), PdValidation.CheckEmitter(EmitterId), EmitterId)) return;
            if (!Check(nameof(ListenerId), PdValidation.CheckListener(ListenerId), ListenerId)) return;
            if (!Check(nameof(EventName), PdValidation.CheckEventName(EventName), EventName)) return;

            var target = SubscriptionTarget.Describe(EmitterId, ListenerId, EventName, InputObject);
            if (!ShouldProcessItem(target, "Remove subscription")) return;

            var request = PdApiRequests.DeleteSubscription(EmitterId, ListenerId, EventName);
            Dispatch(SubscriptionTarget.Describe(EmitterId, ListenerId, EventName), () => SendAsync(request), _ => { }, target);
        }
    }
}
