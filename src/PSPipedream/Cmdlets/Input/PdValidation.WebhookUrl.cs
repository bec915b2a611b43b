using System;
using System.Globalization;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>The webhook URL rule: a URL that every log recording it may show, so never one with a password in it.</summary>
    internal static partial class PdValidation
    {
        private static readonly char[] AuthorityEnd = { '/', '\\', '?', '#' };

        /// <summary>
        /// Null when <paramref name="url"/> is an absolute http or https URL with a host, with no
        /// white space or control characters and no user info; else why not. The URL is shown
        /// with any user info replaced by ***, so a password never reaches a message.
        /// </summary>
        public static string? CheckWebhookUrl(string? url)
        {
            if (string.IsNullOrWhiteSpace(url)) return "The URL is empty.";
            var shown = PdText.Quote(HideUserInfo(url!));
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

        /// <summary>A webhook URL as errors may show it: quoted, with any user info hidden (see <see cref="HideUserInfo"/>).</summary>
        public static string? ShownWebhookUrl(string? url) => url == null ? null : PdText.Quote(HideUserInfo(url));

        /// <summary>
        /// <paramref name="url"/> with everything from the start of its authority to its last '@'
        /// (before any '?' or '#') replaced by ***: "https://user:pass@host/x" becomes
        /// "https://***@host/x". Errs on the side of hiding: an '@' in the path hides the host too.
        /// </summary>
        /// <remarks>
        /// PdAddress.WithoutUserInfo does the same for base URIs and proxies with another result
        /// ('****', cut to the last '@' anywhere). Both results are in messages users already see
        /// and tests hold, so neither is bent to fit the other. This one stops at '?' or '#'
        /// because a webhook URL's query is the user's own and worth showing whole.
        /// </remarks>
        public static string HideUserInfo(string url)
        {
            var start = AuthorityStart(url);
            var end = url.IndexOfAny(new[] { '?', '#' }, start);
            if (end < 0) end = url.Length;
            var at = end > start ? url.LastIndexOf('@', end - 1, end - start) : -1;
            return at < 0 ? url : url.Substring(0, start) + "***" + url.Substring(at);
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
    }
}
