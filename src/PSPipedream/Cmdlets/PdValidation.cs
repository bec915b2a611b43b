using System;
using System.Globalization;
using System.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Input checks made before any request.</summary>
    public static class PdValidation
    {
        /// <summary>Null when <paramref name="value"/> is a plausible id with one of the prefixes; else why not.</summary>
        public static string? CheckId(string? value, params string[] prefixes)
        {
            if (string.IsNullOrWhiteSpace(value)) return "The id is empty.";
            var id = value!;
            if (id.Any(char.IsWhiteSpace) || id.Any(char.IsControl))
                return "The id '" + id + "' contains white space.";
            if (prefixes != null && prefixes.Length > 0 &&
                !prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
            {
                return string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid id: it should start with {1}.",
                    id, string.Join(" or ", prefixes.Select(p => "'" + p + "'")));
            }
            return null;
        }
    }
}
