using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Subscribes a listener to an event stream of every workflow and source created from now on
    /// (POST /auto_subscriptions with listener_id and event_name in the query string), e.g. to
    /// receive the $errors of new workflows. Existing ones need New-PdSubscription. -ListenerId binds
    /// the Id of piped objects, so Get-PdWebhook | New-PdAutoSubscription -EventName '$errors' works.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdAutoSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AutoSubscription))]
    public sealed class NewPdAutoSubscriptionCommand : PdCmdlet
    {
        /// <summary>The receiving source, workflow or webhook.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...), workflow (p_...) or webhook (wh_...) that receives the events of new workflows and sources.")]
        [Alias("Id")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string ListenerId { get; set; } = null!;

        /// <summary>The event stream: default, $errors or $logs.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The event stream to receive: default, $errors or $logs. Quote names that start with '$'.")]
        [ArgumentCompleter(typeof(EventNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string EventName { get; set; } = null!;

        /// <summary>Create the auto-subscription in this org.</summary>
        [Parameter(HelpMessage = "Create the auto-subscription in this org (o_...). Default: the connection's org, else your account.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        private protected override object? ErrorTarget => ListenerId;

        private protected override void ProcessPdRecord()
        {
            if (OrgId != null) Check(nameof(OrgId), PdValidation.CheckId(OrgId, "o_"), OrgId, terminating: true);
            if (!Check(nameof(ListenerId), PdValidation.CheckListener(ListenerId), ListenerId)) return;
            if (!Check(nameof(EventName), PdValidation.CheckEventName(EventName), EventName)) return;

            var target = "new workflows and sources -> " + ListenerId + " (event " + EventName + ")";
            if (!ShouldProcessItem(target, "Create auto-subscription")) return;

            var request = PdRequest.Post("auto_subscriptions")
                .WithQuery("event_name", EventName)
                .WithQuery("listener_id", ListenerId)
                .WithQuery("org_id", OrgId ?? ResolveConnection().OrgId);
            request.IfUncertain = "The API cannot list auto-subscriptions; creating it again is the way to be sure.";
            // The reference does not document the answer: an object becomes an AutoSubscription,
            // anything else is written as it came.
            var data = PdAnswer.DataOrBody(Wait(SendAsync(request)));
            if (data is JObject)
            {
                WriteModel(PdAnswer.ToModel<AutoSubscription>(null, data, "\"data\""));
            }
            else if (data != null && data.Type != JTokenType.Null)
            {
                WriteObject(PdJson.ToPSObject(data), enumerateCollection: true);
            }
        }
    }
}
