using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The order the writer puts items in: by name (ordinal), with ties (duplicate names written
    /// under -Force) broken by content, so the order never depends on the order the API listed them.
    /// </summary>
    internal static class ConfigOrder
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        public static IEnumerable<ConfigSource> Sources(IEnumerable<ConfigSource> sources) =>
            sources.OrderBy(s => s.Name, Ordinal)
                .ThenBy(s => s.Component.CodeHash ?? s.Component.Key ?? s.Component.Id ?? string.Empty, Ordinal)
                .ThenBy(s => ConfigWriter.Sorted(s.Props).ToString(Formatting.None), Ordinal);

        public static IEnumerable<ConfigSubscription> Subscriptions(IEnumerable<ConfigSubscription> subscriptions) =>
            subscriptions.OrderBy(s => s.Emitter.Display, Ordinal)
                .ThenBy(s => s.Listener.Display, Ordinal)
                .ThenBy(s => s.EventName ?? string.Empty, Ordinal);

        public static IEnumerable<ConfigWebhook> Webhooks(IEnumerable<ConfigWebhook> webhooks) =>
            webhooks.OrderBy(w => w.Name, Ordinal).ThenBy(w => w.Url, Ordinal).ThenBy(w => w.Description ?? string.Empty, Ordinal);

        public static IEnumerable<ConfigComponent> Components(IEnumerable<ConfigComponent> components) =>
            components.OrderBy(c => c.CodeHash, Ordinal);
    }
}
