using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>The checks across items: names unique, and every named end of a subscription found.</summary>
    internal static class ConfigValidator
    {
        public static void Validate(ConfigDocument document, ConfigLiveNames? live)
        {
            var sources = Unique(document.Sources.Select(s => s.Name).ToList(), ConfigNames.Sources);
            var webhooks = Unique(document.Webhooks.Select(w => w.Name).ToList(), ConfigNames.Webhooks);
            Unique(document.Components.Select(c => c.CodeHash).ToList(), ConfigNames.Components, ConfigNames.CodeHash);

            for (var i = 0; i < document.Subscriptions.Count; i++)
            {
                var subscription = document.Subscriptions[i];
                var path = string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}]", ConfigNames.Subscriptions, i);
                CheckEnd(subscription.Emitter, path + "." + ConfigNames.Emitter, sources, webhooks, live);
                CheckEnd(subscription.Listener, path + "." + ConfigNames.Listener, sources, webhooks, live);
            }
        }

        private static void CheckEnd(ConfigEnd end, string path, ISet<string> sources, ISet<string> webhooks, ConfigLiveNames? live)
        {
            if (end.Kind == ConfigEndKind.Source && !sources.Contains(end.Value) && !(live?.Sources.Contains(end.Value) ?? false))
            {
                throw PdConfigurationException.Invalid(path + "." + ConfigNames.SourceEnd,
                    "no source named '" + end.Value + "' is in the file" + (live == null ? "." : " or in the account."));
            }
            if (end.Kind == ConfigEndKind.Webhook && !webhooks.Contains(end.Value) && !(live?.Webhooks.Contains(end.Value) ?? false))
            {
                throw PdConfigurationException.Invalid(path + "." + ConfigNames.WebhookEnd,
                    "no webhook named '" + end.Value + "' is in the file" + (live == null ? "." : " or in the account."));
            }
        }

        /// <summary>The names as a set; the path of the first repeat is a PdInvalidConfiguration.</summary>
        private static ISet<string> Unique(IReadOnlyList<string> names, string array, string field = ConfigNames.Name)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                if (seen.Add(names[i])) continue;
                throw PdConfigurationException.Invalid(
                    string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}].{2}", array, i, field),
                    "'" + names[i] + "' is given more than once; items are matched by " + field + ", so it must be unique.");
            }
            return seen;
        }
    }
}
