using System;
using Newtonsoft.Json;

namespace PSPipedream.Http
{
    /// <summary>The key never shows: not in a message, a reason phrase or a -Debug body, even when a server echoes it back.</summary>
    internal sealed partial class PdClient
    {
        /// <summary>
        /// Text shown to the user (error messages, -Debug bodies) with the key blanked out, in case
        /// a server or proxy echoes the Authorization header back.
        /// </summary>
        private string? Redact(string? text) =>
            text == null || text.IndexOf(_apiKey, StringComparison.Ordinal) < 0 ? text : text.Replace(_apiKey, "****");

        /// <summary>
        /// Blanks the key out of everything an attempt may show: the API's message, the words about
        /// the body, the reason phrase and the -Debug body. It runs on the decoded text, after JSON
        /// escapes and HTML entities are resolved, so a server that echoes the key back as
        /// <c>\u0042...</c> or <c>&amp;#66;...</c> shows nothing either.
        /// </summary>
        private void Scrub(PdAttempt result)
        {
            result.ApiMessage = Redact(result.ApiMessage);
            result.BodyWords = Redact(result.BodyWords);
            result.Reason = Redact(result.Reason);
            if (result.ResponseBody != null)
            {
                var raw = Redact(result.ResponseBody)!;
                // Escaped in the raw text, the key shows only once decoded: show the decoded JSON then.
                var decoded = PdBodyText.TryParse(result.ResponseBody, out var json) ? json?.ToString(Formatting.None) : null;
                var redacted = Redact(decoded);
                result.ResponseBody = decoded != null && !ReferenceEquals(redacted, decoded) ? redacted : raw;
            }
        }
    }
}
