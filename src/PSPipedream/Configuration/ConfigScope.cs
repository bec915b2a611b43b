using System.Collections.Generic;
using System.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>-Include: which kinds the work covers. Subscriptions whose named ends are out of scope are left alone.</summary>
    internal sealed class ConfigScope
    {
        private readonly HashSet<ConfigurationKind> kinds;

        public ConfigScope(IEnumerable<ConfigurationKind>? kinds)
        {
            var given = kinds?.ToList();
            this.kinds = new HashSet<ConfigurationKind>(given == null || given.Count == 0
                ? new[] { ConfigurationKind.Source, ConfigurationKind.Subscription, ConfigurationKind.Webhook }
                : given);
        }

        public static readonly ConfigScope All = new ConfigScope(null);

        public bool Includes(ConfigurationKind kind) => kinds.Contains(kind);

        public bool Includes(ConfigSubscription subscription) =>
            Includes(ConfigurationKind.Subscription) && Includes(subscription.Emitter) && Includes(subscription.Listener);

        private bool Includes(ConfigEnd end) =>
            end.Kind == ConfigEndKind.Id ||
            (end.Kind == ConfigEndKind.Source ? Includes(ConfigurationKind.Source) : Includes(ConfigurationKind.Webhook));
    }
}
