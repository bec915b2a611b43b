using System.Management.Automation;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Creates a webhook, a URL that subscriptions can deliver events to: POST /webhooks with
    /// url, name and description in the query string. The URL must be http or https with a host,
    /// with no white space, control characters or user info; that is checked before any request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Webhook))]
    public sealed class NewPdWebhookCommand : PdCmdlet
    {
        /// <summary>Where events are delivered.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The endpoint events are delivered to: an http or https URL with a host.")]
        [AllowEmptyString]
        public string Url { get; set; } = null!;

        /// <summary>A name shown when listing webhooks.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "A name for the webhook, shown when listing webhooks.")]
        public string? Name { get; set; }

        /// <summary>A description shown when listing webhooks.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "A description of the webhook, shown when listing webhooks.")]
        public string? Description { get; set; }

        private protected override object? ErrorTarget => Url;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(Url), PdValidation.CheckWebhookUrl(Url), PdValidation.ShownWebhookUrl(Url))) return;
            var target = PdPipedObject.Label(Url, Name);
            if (!ShouldProcessItem(target, "Create webhook")) return;

            var request = PdApiRequests.CreateWebhook(Url, Name, Description);
            request.IfUncertain = "Check with Get-PdWebhook -All | Where-Object Url -eq " + PdText.Literal(Url) + " before trying again.";
            WriteModel(Wait(SendAsync<Webhook>(request)));
        }
    }
}
