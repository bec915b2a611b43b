using System.Management.Automation;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Subscribes a listener (source, workflow or webhook) to the events of an emitter (source or
    /// workflow, or every one of them with the globs p_* and dc_*): POST /subscriptions with
    /// emitter_id, listener_id and event_name in the query string. -EmitterId binds the Id of
    /// piped objects, so Get-PdSource | New-PdSubscription -ListenerId p_x works.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Subscription))]
    public sealed class NewPdSubscriptionCommand : PdItemChangeCmdlet
    {
        /// <summary>The emitting source or workflow, or p_* / dc_*.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) or workflow (p_...) whose events are delivered; p_* for every workflow, dc_* for every source.")]
        [Alias("Id")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string EmitterId { get; set; } = null!;

        /// <summary>The receiving source, workflow or webhook.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...), workflow (p_...) or webhook (wh_...) that receives the events.")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string ListenerId { get; set; } = null!;

        /// <summary>The event stream: default, $errors or $logs (none: the emitter's default events).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "The event stream to receive: default, $errors or $logs. Quote names that start with '$'. Without it, no event name is sent.")]
        [ArgumentCompleter(typeof(EventNameCompleter))]
        [AllowNull]
        [AllowEmptyString]
        public string? EventName { get; set; }

        /// <summary>Create the subscription in this org.</summary>
        [Parameter(HelpMessage = "Create the subscription in this org (o_...). Default: the connection's org, else your account.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        private protected override object? ErrorTarget => EmitterId;

        private protected override void ProcessPdRecord()
        {
            if (OrgId != null) Check(nameof(OrgId), PdValidation.CheckId(OrgId, "o_"), OrgId, terminating: true);
            if (!Check(nameof(EmitterId), PdValidation.CheckEmitter(EmitterId), EmitterId)) return;
            if (!Check(nameof(ListenerId), PdValidation.CheckListener(ListenerId), ListenerId)) return;
            if (!Check(nameof(EventName), PdValidation.CheckEventName(EventName), EventName)) return;

            var target = SubscriptionTarget.Describe(EmitterId, ListenerId, EventName, InputObject);
            if (!ShouldProcessItem(target, "Create subscription")) return;

            var orgId = OrgId ?? ResolveConnection().OrgId;
            var request = PdApiRequests.CreateSubscription(EmitterId, ListenerId, EventName, orgId);
            request.IfUncertain = "Check with Get-PdSubscription -EmitterId '" + PdText.Quote(EmitterId) + "' -ListenerId '" +
                PdText.Quote(ListenerId) + "'" + (orgId != null ? " -OrgId " + orgId : string.Empty) + " before trying again.";
            Dispatch(EmitterId, () => SendAsync<Subscription>(request), subscription =>
            {
                if (orgId != null) subscription.OrgId ??= orgId;
                WriteModel(subscription);
            }, target);
        }
    }
}
