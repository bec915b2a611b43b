using System;
using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>
    /// What an answer's body says, in words fit for an error message: the API's own message from
    /// a JSON error, or for anything else what kind of body it is and its text without markup.
    /// </summary>
    internal static class PdBodyText
    {
        private const int MaxApiMessage = 1000;

        /// <summary>Only the start of a huge page is looked at for its text.</summary>
        private const int MaxScanned = 64 * 1024;

        private static readonly Regex Invisible = new Regex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
            RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Tag = new Regex(@"<[^>]*>", RegexOptions.CultureInvariant);
        private static readonly Regex Space = new Regex(@"\s+", RegexOptions.CultureInvariant);

        /// <summary>
        /// The API's message: "error" (a string, or an object with "message"), or "message", or the
        /// whole JSON shortened; for a body that is not JSON its text without markup (200 characters at most).
        /// </summary>
        internal static string? ApiMessage(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            if (!TryParse(body!, out var token)) return PlainText(body!);
            if (token is JObject obj)
            {
                var error = obj["error"] ?? obj["message"] ?? obj["errors"];
                if (error != null)
                {
                    if (error.Type == JTokenType.String) return Shorten(error.ToString());
                    if (error is JObject eo && eo["message"] is JValue message && message.Type == JTokenType.String)
                        return Shorten(message.ToString());
                    return Shorten(error.ToString(Formatting.None));
                }
            }
            return Shorten(token!.ToString(Formatting.None));
        }

        /// <summary>What a body that is not JSON is: "an HTML page", "a body of type text/plain", "an empty body".</summary>
        internal static string Kind(string? body, string? mediaType)
        {
            if (string.IsNullOrWhiteSpace(body)) return "an empty body";
            if (IsHtml(body!, mediaType)) return "an HTML page";
            if (!string.IsNullOrEmpty(mediaType)) return "a body of type " + mediaType;
            return "a body that is not JSON";
        }

        /// <summary>The text a person would read in the body: markup, scripts and styles removed, entities decoded, white space collapsed.</summary>
        internal static string PlainText(string body)
        {
            var text = body.Length > MaxScanned ? body.Substring(0, MaxScanned) : body;
            if (text.IndexOf('<') >= 0)
            {
                text = Invisible.Replace(text, " ");
                text = Tag.Replace(text, " ");
                text = WebUtility.HtmlDecode(text);
            }
            return PdText.Quote(Space.Replace(text, " ").Trim());
        }

        /// <summary>True when <paramref name="body"/> parses as one JSON value (see <see cref="PdJson.Parse"/>).</summary>
        internal static bool TryParse(string body, out JToken? token) => TryParse(body, out token, out _);

        /// <summary>As <see cref="TryParse(string, out JToken?)"/>, with what was wrong in words (see <see cref="Malformed"/>).</summary>
        internal static bool TryParse(string body, out JToken? token, out string? problem)
        {
            try
            {
                token = PdJson.Parse(body);
                problem = null;
                return true;
            }
            catch (JsonException ex)
            {
                token = null;
                problem = Malformed(ex);
                return false;
            }
        }

        /// <summary>
        /// What is wrong with JSON that did not parse: nested past the reader's limit, or cut off or
        /// malformed. Newtonsoft says the first only in its message, which names MaxDepth.
        /// </summary>
        internal static string Malformed(JsonException ex) =>
            ex.Message.IndexOf("MaxDepth", StringComparison.Ordinal) >= 0
                ? "JSON nested more than 64 levels deep, which is not read"
                : "JSON that is cut off or malformed";

        private static bool IsHtml(string body, string? mediaType)
        {
            if (mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            var start = body.TrimStart();
            return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
                   start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        }

        private static string Shorten(string text) => PdText.Quote(text.Trim(), MaxApiMessage);
    }
}
