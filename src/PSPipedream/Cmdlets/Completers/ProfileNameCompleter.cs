using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>Tab completion for -ProfileName: the sections of the pd CLI's config file, the profile's org in the tooltip.</summary>
    internal sealed class ProfileNameCompleter : PdCompleter
    {
        public override string Offers => "the sections of the pd CLI's config file";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var path = PdProfileFile.DefaultPath();
            if (!File.Exists(path)) return Enumerable.Empty<PdCompletionItem>();
            return PdProfileFile.Parse(File.ReadAllText(path))
                .Where(section => section.Key.Length > 0)
                .OrderBy(section => section.Key, StringComparer.OrdinalIgnoreCase)
                .Select(section => new PdCompletionItem(section.Key, null, ToolTip(section.Key, section.Value, path)))
                .ToList();
        }

        private static string ToolTip(string name, IDictionary<string, string> values, string path)
        {
            var where = "[" + name + "] in " + path;
            if (!values.TryGetValue("api_key", out var key) || string.IsNullOrWhiteSpace(key)) where += " (no api_key)";
            return values.TryGetValue("org_id", out var org) && !string.IsNullOrWhiteSpace(org) ? where + ", org " + org : where;
        }
    }
}
