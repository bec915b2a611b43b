using System;
using System.Globalization;
using System.Linq;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>Input checks made before any request. Every message quotes the input with <see cref="PdText.Quote"/>.</summary>
    public static class PdValidation
    {
        /// <summary>The longest id, key or event name accepted; anything longer cannot be a real one.</summary>
        public const int MaxIdLength = 1000;

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
    }
}
