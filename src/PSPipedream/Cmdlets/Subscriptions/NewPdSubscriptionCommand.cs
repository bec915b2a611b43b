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
    public sealed class NewPdSubscriptionCommand : PdFanOutCmdlet
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

        protected override object? ErrorTarget => EmitterId;

        protected override void ProcessPdRecord()
        {
            if (OrgId != null) ValidateId(nameof(OrgId), OrgId, "o_");
            var problem = SubscriptionIds.CheckEmitter(EmitterId);
            if (problem != null)
            {
                RejectItemArgument(nameof(EmitterId), problem, EmitterId);
                return;
            }
            problem = SubscriptionIds.CheckListener(ListenerId);
            if (problem != null)
            {
                RejectItemArgument(nameof(ListenerId), problem, ListenerId);
                return;
            }
            problem = SubscriptionIds.CheckEventName(EventName);
            if (problem != null)
            {
                RejectItemArgument(nameof(EventName), problem, EventName);
                return;
            }

            var target = SubscriptionIds.Describe(EmitterId, ListenerId, EventName);
            if (!ShouldProcessItem(target, "Create subscription")) return;

            var orgId = OrgId ?? ResolveConnection().OrgId;
            var request = PdRequest.Post("subscriptions")
                .WithQuery("emitter_id", EmitterId)
                .WithQuery("listener_id", ListenerId)
                .WithQuery("event_name", string.IsNullOrEmpty(EventName) ? null : EventName)
                .WithQuery("org_id", orgId);
            request.IfUncertain = "Check with Get-PdSubscription -EmitterId '" + PdText.Quote(EmitterId) + "' -ListenerId '" +
                PdText.Quote(ListenerId) + "'" + (orgId != null ? " -OrgId " + orgId : string.Empty) + " before trying again.";
            Dispatch(EmitterId, () => SendForAsync<Subscription>(request), subscription =>
            {
                if (orgId != null) subscription.OrgId ??= orgId;
                WriteModel(subscription);
            });
        }
    }
}
