using System;
using System.Globalization;
using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Creates a webhook, a URL that subscriptions can deliver events to: POST /webhooks with
    /// url, name and description in the query string. The URL must be http or https with a host;
    /// that is checked before any request.
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

        protected override object? ErrorTarget => Url;

        protected override void ProcessPdRecord()
        {
            var problem = CheckUrl(Url);
            if (problem != null)
            {
                RejectItemArgument(nameof(Url), problem, Url);
                return;
            }
            if (!ShouldProcess(Url, "Create webhook")) return;

            var request = PdRequest.Post("webhooks")
                .WithQuery("url", Url)
                .WithQuery("name", Name)
                .WithQuery("description", Description);
            request.IfUncertain = "Check with Get-PdWebhook -All | Where-Object Url -eq '" + PdText.Quote(Url) + "' before trying again.";
            WriteModel(SendFor<Webhook>(request));
        }

        /// <summary>Null when <paramref name="url"/> is an absolute http or https URL with a host; else why not.</summary>
        internal static string? CheckUrl(string? url)
        {
            if (string.IsNullOrWhiteSpace(url)) return "The URL is empty.";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || url!.IndexOf("://", StringComparison.Ordinal) < 0
                || string.IsNullOrEmpty(uri.Host))
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not a webhook URL: it must be an http or https URL with a host, e.g. https://example.com/events.", url);
            }
            return null;
        }
    }
}
