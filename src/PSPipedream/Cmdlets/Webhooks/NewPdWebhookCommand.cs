using System;
using System.Globalization;
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
        private static readonly char[] AuthorityEnd = { '/', '\\', '?', '#' };

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
                RejectItemArgument(nameof(Url), problem, Url == null ? null : PdText.Quote(WithoutUserInfo(Url)));
                return;
            }
            if (!ShouldProcessItem(Url, "Create webhook")) return;

            var request = PdRequest.Post("webhooks")
                .WithQuery("url", Url)
                .WithQuery("name", Name)
                .WithQuery("description", Description);
            request.IfUncertain = "Check with Get-PdWebhook -All | Where-Object Url -eq '" + PdText.Quote(Url) + "' before trying again.";
            WriteModel(SendFor<Webhook>(request));
        }

        /// <summary>
        /// Null when <paramref name="url"/> is an absolute http or https URL with a host, with no
        /// white space or control characters and no user info; else why not. The URL is shown
        /// with any user info replaced by ***, so a password never reaches a message.
        /// </summary>
        internal static string? CheckUrl(string? url)
        {
            if (string.IsNullOrWhiteSpace(url)) return "The URL is empty.";
            var shown = PdText.Quote(WithoutUserInfo(url!));
            foreach (var c in url!)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return string.Format(CultureInfo.InvariantCulture,
                        "'{0}' is not a webhook URL: it contains white space or a control character, which a URL cannot hold (not even at the start or end).", shown);
                }
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || url.IndexOf("://", StringComparison.Ordinal) < 0
                || string.IsNullOrEmpty(uri.Host))
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not a webhook URL: it must be an http or https URL with a host, e.g. https://example.com/events.", shown);
            }
            if (uri.UserInfo.Length > 0 || Authority(url).IndexOf('@') >= 0)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not a webhook URL: it carries a user name or password before the host, which would be written to every log that records the URL. Leave them out.", shown);
            }
            return null;
        }

        /// <summary>The text between "scheme://" (or "scheme:") and the first '/', '\', '?' or '#' after it.</summary>
        private static string Authority(string url)
        {
            var start = AuthorityStart(url);
            var end = url.IndexOfAny(AuthorityEnd, start);
            return url.Substring(start, (end < 0 ? url.Length : end) - start);
        }

        private static int AuthorityStart(string url)
        {
            var slashes = url.IndexOf("://", StringComparison.Ordinal);
            if (slashes >= 0) return slashes + 3;
            var colon = url.IndexOf(':');
            return colon >= 0 ? colon + 1 : 0;
        }

        /// <summary>
        /// <paramref name="url"/> with everything from the start of its authority to its last '@'
        /// (before any '?' or '#') replaced by ***: "https://user:pass@host/x" becomes
        /// "https://***@host/x". Errs on the side of hiding: an '@' in the path hides the host too.
        /// </summary>
        internal static string WithoutUserInfo(string url)
        {
            var start = AuthorityStart(url);
            var end = url.IndexOfAny(new[] { '?', '#' }, start);
            if (end < 0) end = url.Length;
            var at = end > start ? url.LastIndexOf('@', end - 1, end - start) : -1;
            return at < 0 ? url : url.Substring(0, start) + "***" + url.Substring(at);
        }
    }
}
