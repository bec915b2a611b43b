using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// -WorkflowMap: workflow ids rewritten in a document's subscriptions, before it is checked,
    /// so the checks and the diff see the ids that will be sent. An id the map does not name stays.
    /// </summary>
    internal static class ConfigWorkflowMap
    {
        public static void Apply(ConfigDocument document, IDictionary? given)
        {
            if (given == null || given.Count == 0) return;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in given)
            {
                map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] =
                    Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
            foreach (var subscription in document.Subscriptions)
            {
                subscription.Emitter = Map(subscription.Emitter, map);
                subscription.Listener = Map(subscription.Listener, map);
            }
        }

        private static ConfigEnd Map(ConfigEnd end, IDictionary<string, string> map) =>
            end.Kind == ConfigEndKind.Id && map.TryGetValue(end.Value, out var id) ? ConfigEnd.Id(id) : end;
    }
}
