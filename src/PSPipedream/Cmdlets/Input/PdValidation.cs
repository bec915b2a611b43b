using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The input rules checked before any request: each returns null when the value passes, else
    /// why not, in words that quote the input with <see cref="PdText.Quote"/>. A cmdlet turns a
    /// failed rule into its error with PdCmdletBase.Check. The webhook URL rule is in
    /// PdValidation.WebhookUrl.cs.
    /// </summary>
    internal static partial class PdValidation
    {
        /// <summary>The longest id, key or event name accepted; anything longer cannot be a real one.</summary>
        public const int MaxIdLength = 1000;

        /// <summary>Prefixes of other resources' ids, which are never a component key.</summary>
        private static readonly string[] NotComponentPrefixes = { "dc_", "p_", "u_", "o_", "wh_", "sub_", "d_" };

        private static readonly string[] EmitterPrefixes = { "dc_", "p_" };
        private static readonly string[] ListenerPrefixes = { "dc_", "p_", "wh_" };
        private static readonly string[] EmitterGlobs = { "p_*", "dc_*" };

        private static readonly Regex EventIdPattern = new Regex(@"^[0-9]+-[0-9]+\z", RegexOptions.CultureInvariant);

        /// <summary>Null when <paramref name="value"/> is a plausible id with one of the prefixes; else why not.</summary>
        public static string? CheckId(string? value, params string[] prefixes)
        {
            if (string.IsNullOrWhiteSpace(value)) return "The id is empty.";
            var id = value!;
            var problem = CheckText(id, "id");
            if (problem != null) return problem;
            if (id.Any(char.IsWhiteSpace)) return "The id '" + PdText.Quote(id) + "' contains white space.";
            if (prefixes != null && prefixes.Length > 0 &&
                !prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
            {
                return string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid id: it should start with {1}.",
                    PdText.Quote(id), string.Join(" or ", prefixes.Select(p => "'" + p + "'")));
            }
            return null;
        }

        /// <summary>
        /// Null when <paramref name="value"/> (an id, key or name that goes into a path or query) is
        /// at most <see cref="MaxIdLength"/> characters and has no control characters; else why
        /// not, naming it as <paramref name="what"/> ("id", "event name").
        /// </summary>
        public static string? CheckText(string value, string what)
        {
            if (value.Length > MaxIdLength)
            {
                return string.Format(CultureInfo.InvariantCulture, "The {0} '{1}' is {2:N0} characters long; at most {3:N0} are accepted.",
                    what, PdText.Quote(value), value.Length, MaxIdLength);
            }
            for (var i = 0; i < value.Length; i++)
            {
                if (!char.IsControl(value[i])) continue;
                return string.Format(CultureInfo.InvariantCulture, "The {0} '{1}' contains a control character ({2}).",
                    what, PdText.Quote(value), PdText.Printable(value[i].ToString()));
            }
            return null;
        }

        /// <summary>Null when a name, if given, is not empty or white space; else why not.</summary>
        public static string? CheckName(string? name) =>
            name != null && string.IsNullOrWhiteSpace(name) ? "The name is empty." : null;

        /// <summary>A component key or saved id: not empty, at most 1,000 characters, no white space or control characters, not another resource's id.</summary>
        public static string? CheckComponentKey(string? key)
        {
            var problem = CheckId(key);
            if (problem != null) return problem;
            var other = NotComponentPrefixes.FirstOrDefault(p => key!.StartsWith(p, StringComparison.Ordinal));
            return other == null ? null
                : "'" + PdText.Quote(key) + "' is the id of another kind of resource (" + other + "...), not a component id (sc_...) or key.";
        }

        /// <summary>Null when a subscription's emitter is dc_..., p_... or one of the globs p_* and dc_*; else why not.</summary>
        public static string? CheckEmitter(string? value)
        {
            var problem = CheckId(value, EmitterPrefixes);
            if (problem != null) return problem;
            if (value!.IndexOf('*') >= 0 && Array.IndexOf(EmitterGlobs, value) < 0)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not a valid emitter: the only patterns the API accepts are 'p_*' (every workflow) and 'dc_*' (every source).", PdText.Quote(value));
            }
            return null;
        }

        /// <summary>Null when a subscription's listener is dc_..., p_... or wh_... (no patterns); else why not.</summary>
        public static string? CheckListener(string? value)
        {
            var problem = CheckId(value, ListenerPrefixes);
            if (problem != null) return problem;
            if (value!.IndexOf('*') >= 0)
            {
                return string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid listener: patterns are not accepted here.", PdText.Quote(value));
            }
            return null;
        }

        /// <summary>Null when an event name (none, or empty, is fine) is at most 1,000 characters with no control characters; else why not.</summary>
        public static string? CheckEventName(string? value) =>
            string.IsNullOrEmpty(value) ? null : CheckText(value!, "event name");

        /// <summary>Null when <paramref name="value"/> is an event id such as 1589486981597-0 (&lt;digits&gt;-&lt;digits&gt;); else why not.</summary>
        public static string? CheckEventId(string value)
        {
            var problem = CheckText(value, "event id");
            if (problem == null && EventIdPattern.IsMatch(value)) return null;
            return problem ?? "'" + PdText.Quote(value) + "' is not an event id: it should look like 1589486981597-0 (<digits>-<digits>).";
        }

        /// <summary>
        /// Null when the range of two well-formed event ids runs from the older to the newer (or
        /// one end is open); else why not. The API would delete nothing and still answer 202.
        /// </summary>
        public static string? CheckEventRange(string? startId, string? endId)
        {
            if (startId == null || endId == null || new PdEventId(startId).CompareTo(new PdEventId(endId)) <= 0) return null;
            return string.Format(CultureInfo.InvariantCulture,
                "-StartId {0} is newer than -EndId {1}: the range runs from the oldest event (-StartId) to the newest (-EndId).",
                PdText.Quote(startId), PdText.Quote(endId));
        }

        /// <summary>
        /// Null when an emulator fault's path glob could match an API path: what comes before its
        /// first * must fit "/v1/" (or start with it); else why not.
        /// </summary>
        public static string? CheckFaultPath(string glob)
        {
            const string root = "/v1/";
            var star = glob.IndexOf('*');
            var literal = star < 0 ? glob : glob.Substring(0, star);
            if (literal.StartsWith(root, StringComparison.Ordinal) || root.StartsWith(literal, StringComparison.Ordinal)
                || (star < 0 && glob == "/v1"))
            {
                return null;
            }
            return "-Path '" + PdText.Quote(glob) + "' can never match: the emulator's API paths start with /v1/, e.g. /v1/users/me/sources*.";
        }
    }
}
