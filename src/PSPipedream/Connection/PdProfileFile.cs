using System;
using System.Collections.Generic;
using System.IO;

namespace PSPipedream.Connection
{
    /// <summary>
    /// Reads the pd CLI's INI config: $XDG_CONFIG_HOME/pipedream/config, else ~/.config/pipedream/config.
    /// Sections are profiles; keys api_key and org_id. Lines starting with '#' or ';' are comments,
    /// as is the rest of a line after " #" or " ;"; values may be quoted; names are case-insensitive;
    /// a section given twice is one section (a key given twice: the last wins).
    /// </summary>
    internal static class PdProfileFile
    {
        public const string DefaultProfileName = "default";

        public static string DefaultPath()
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            string root;
            if (!string.IsNullOrWhiteSpace(xdg))
            {
                root = xdg!;
            }
            else
            {
                var home = Environment.GetEnvironmentVariable("HOME");
                if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                root = Path.Combine(home!, ".config");
            }
            return Path.Combine(Path.Combine(root, "pipedream"), "config");
        }

        /// <summary>All sections of an INI text: section -> (key -> value). Keys before any section go to "".</summary>
        public static Dictionary<string, Dictionary<string, string>> Parse(string text)
        {
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
            var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            sections[string.Empty] = current;
            using (var reader = new StringReader((text ?? string.Empty).TrimStart('\uFEFF')))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    line = line.Trim();
                    if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                    if (line[0] == '[')
                    {
                        var end = line.IndexOf(']');
                        if (end < 0) continue;
                        var name = line.Substring(1, end - 1).Trim();
                        if (!sections.TryGetValue(name, out current!))
                        {
                            current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                            sections[name] = current;
                        }
                        continue;
                    }
                    var eq = line.IndexOf('=');
                    if (eq <= 0) continue;
                    var key = line.Substring(0, eq).Trim();
                    current[key] = ReadValue(line.Substring(eq + 1).Trim());
                }
            }
            return sections;
        }

        /// <summary>
        /// A value: quoted ("..." or '...', up to the closing quote that ends the line or comes
        /// before a comment) or bare (up to an inline comment, " #" or " ;").
        /// </summary>
        private static string ReadValue(string value)
        {
            if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
            {
                for (var end = value.IndexOf(value[0], 1); end > 0; end = value.IndexOf(value[0], end + 1))
                {
                    var rest = value.Substring(end + 1).TrimStart();
                    if (rest.Length == 0 || rest[0] == '#' || rest[0] == ';') return value.Substring(1, end - 1);
                }
                return value;
            }
            return StripInlineComment(value);
        }

        private static string StripInlineComment(string value)
        {
            foreach (var marker in new[] { " #", " ;", "\t#", "\t;" })
            {
                var at = value.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0) value = value.Substring(0, at).TrimEnd();
            }
            return value;
        }

        /// <summary>The named profile, or null when the file or the section does not exist.</summary>
        public static PdProfile? Read(string path, string profileName)
        {
            if (!File.Exists(path)) return null;
            var sections = Parse(File.ReadAllText(path));
            if (!sections.TryGetValue(profileName, out var values) || profileName.Length == 0) return null;
            values.TryGetValue("api_key", out var apiKey);
            values.TryGetValue("org_id", out var orgId);
            return new PdProfile(profileName,
                string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
                string.IsNullOrWhiteSpace(orgId) ? null : orgId);
        }
    }
}
