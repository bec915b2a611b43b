using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Turns Invoke-PdApi's -Path into raw path segments and query pairs below the base URI,
    /// refusing anything that would reach outside it: another host, a scheme-relative '//host',
    /// a '..' that climbs above the base path, backslashes and fragments.
    /// </summary>
    internal sealed class ApiPath
    {
        private static readonly Regex SchemePrefix = new Regex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant);

        private ApiPath(string[] segments, List<KeyValuePair<string, string>> query)
        {
            Segments = segments;
            Query = query;
        }

        /// <summary>Raw (unescaped) segments below the base URI, with '.' and '..' resolved.</summary>
        public string[] Segments { get; }

        /// <summary>Raw (unescaped) query pairs written after a '?' in the path, in order.</summary>
        public List<KeyValuePair<string, string>> Query { get; }

        /// <summary>Parses <paramref name="path"/>; returns null and sets <paramref name="problem"/> when it is refused.</summary>
        public static ApiPath? Parse(string? path, Uri baseUri, out string? problem)
        {
            problem = null;
            if (string.IsNullOrWhiteSpace(path))
            {
                problem = "The path is empty.";
                return null;
            }
            var text = path!.Trim();
            if (text.IndexOf('#') >= 0)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "'{0}' has a fragment ('#'), which an API request cannot use.", path);
                return null;
            }
            if (text.IndexOf('\\') >= 0)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "'{0}' contains '\\': separate path segments with '/'.", path);
                return null;
            }
            if (text.StartsWith("//", StringComparison.Ordinal))
            {
                problem = string.Format(CultureInfo.InvariantCulture,
                    "'{0}' names another host. -Path is relative to the base URI {1}, e.g. 'users/me'.", path, baseUri.AbsoluteUri);
                return null;
            }
            if (SchemePrefix.IsMatch(text))
            {
                // A full URL is accepted only when it lies under the base URI.
                var basePrefix = baseUri.GetLeftPart(UriPartial.Path);
                if (!Uri.TryCreate(text, UriKind.Absolute, out var absolute)
                    || !string.Equals(absolute.GetLeftPart(UriPartial.Authority), baseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
                    || !text.StartsWith(basePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    problem = string.Format(CultureInfo.InvariantCulture,
                        "'{0}' is outside the base URI {1}. -Path is relative to it, e.g. 'users/me'.", path, baseUri.AbsoluteUri);
                    return null;
                }
                text = text.Substring(basePrefix.Length);
            }
            else
            {
                // The path as errors and -Verbose show it (/v1/users/me) names the same resource as users/me.
                var basePath = baseUri.AbsolutePath.TrimEnd('/') + "/";
                if (basePath.Length > 1 && text.StartsWith(basePath, StringComparison.Ordinal)) text = text.Substring(basePath.Length);
            }

            var query = new List<KeyValuePair<string, string>>();
            var mark = text.IndexOf('?');
            if (mark >= 0)
            {
                foreach (var pair in text.Substring(mark + 1).Split('&'))
                {
                    if (pair.Length == 0) continue;
                    var eq = pair.IndexOf('=');
                    var name = Unescape(eq >= 0 ? pair.Substring(0, eq) : pair);
                    var value = eq >= 0 ? Unescape(pair.Substring(eq + 1)) : string.Empty;
                    if (name.Length == 0)
                    {
                        problem = string.Format(CultureInfo.InvariantCulture, "'{0}' has a query parameter without a name.", path);
                        return null;
                    }
                    query.Add(new KeyValuePair<string, string>(name, value));
                }
                text = text.Substring(0, mark);
            }

            var segments = new List<string>();
            foreach (var raw in text.Split('/'))
            {
                var segment = Unescape(raw);
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (segments.Count == 0)
                    {
                        problem = string.Format(CultureInfo.InvariantCulture,
                            "'{0}' climbs above the base URI {1} with '..'.", path, baseUri.AbsoluteUri);
                        return null;
                    }
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }
                if (segment.Trim('.').Length == 0 || segment.Any(char.IsControl))
                {
                    problem = string.Format(CultureInfo.InvariantCulture, "'{0}' has a path segment '{1}' that cannot be sent.", path, segment);
                    return null;
                }
                segments.Add(segment);
            }
            if (segments.Count == 0)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "'{0}' names no resource below the base URI {1}.", path, baseUri.AbsoluteUri);
                return null;
            }
            return new ApiPath(segments.ToArray(), query);
        }

        private static string Unescape(string text) => Uri.UnescapeDataString(text);
    }
}
