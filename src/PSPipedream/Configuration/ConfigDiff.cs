using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The wanted document against the live one: one change per difference, none when they match.
    /// Items are matched by name (subscriptions by both ends and the event name).
    /// </summary>
    internal static class ConfigDiff
    {
        public static List<ConfigurationChange> Compare(ConfigDocument wanted, ConfigSnapshot live, ConfigScope? scope = null)
        {
            scope = scope ?? ConfigScope.All;
            var changes = new List<ConfigurationChange>();
            if (scope.Includes(ConfigurationKind.Webhook)) changes.AddRange(Webhooks(wanted, live));
            if (scope.Includes(ConfigurationKind.Source)) changes.AddRange(Sources(wanted, live));
            if (scope.Includes(ConfigurationKind.Subscription)) changes.AddRange(Subscriptions(wanted, live, scope));
            return changes;
        }

        private static IEnumerable<ConfigurationChange> Sources(ConfigDocument wanted, ConfigSnapshot live)
        {
            var liveByName = ByName(live.Document.Sources, s => s.Name);
            foreach (var source in ConfigOrder.Sources(wanted.Sources))
            {
                var id = live.Ids.SourceId(source.Name);
                if (!liveByName.TryGetValue(source.Name, out var current))
                {
                    yield return Change(ConfigurationAction.Create, ConfigurationKind.Source, source.Name, null, source, new List<ConfigurationPropertyChange>());
                    continue;
                }
                var differences = new List<ConfigurationPropertyChange>();
                if (source.Active.HasValue && source.Active != current.Active)
                {
                    differences.Add(new ConfigurationPropertyChange(ConfigNames.Active, current.Active, source.Active));
                }
                if (!SameComponent(source.Component, current.Component))
                {
                    differences.Add(new ConfigurationPropertyChange(ConfigNames.Component, Describe(current.Component), Describe(source.Component)));
                }
                var names = source.Props.Properties().Select(p => p.Name)
                    .Union(current.Props.Properties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase)
                    .OrderBy(n => n, StringComparer.Ordinal);
                foreach (var name in names)
                {
                    var w = source.Props.GetValue(name, StringComparison.OrdinalIgnoreCase);
                    var l = current.Props.GetValue(name, StringComparison.OrdinalIgnoreCase);
                    if (!ConfigValues.Same(w, l))
                    {
                        differences.Add(new ConfigurationPropertyChange(ConfigNames.Props + "." + name, ConfigValues.Display(l), ConfigValues.Display(w)));
                    }
                }
                if (differences.Count > 0) yield return Change(ConfigurationAction.Update, ConfigurationKind.Source, source.Name, id, source, differences);
            }
            var wantedNames = new HashSet<string>(wanted.Sources.Select(s => s.Name), StringComparer.Ordinal);
            foreach (var source in ConfigOrder.Sources(live.Document.Sources).Where(s => !wantedNames.Contains(s.Name)))
            {
                yield return Change(ConfigurationAction.Remove, ConfigurationKind.Source, source.Name, live.Ids.SourceId(source.Name), source, new List<ConfigurationPropertyChange>());
            }
        }

        private static IEnumerable<ConfigurationChange> Webhooks(ConfigDocument wanted, ConfigSnapshot live)
        {
            var liveByName = ByName(live.Document.Webhooks, w => w.Name);
            foreach (var webhook in ConfigOrder.Webhooks(wanted.Webhooks))
            {
                if (!liveByName.TryGetValue(webhook.Name, out var current))
                {
                    yield return Change(ConfigurationAction.Create, ConfigurationKind.Webhook, webhook.Name, null, webhook, new List<ConfigurationPropertyChange>());
                    continue;
                }
                var differences = new List<ConfigurationPropertyChange>();
                if (!string.Equals(webhook.Url, current.Url, StringComparison.Ordinal))
                {
                    differences.Add(new ConfigurationPropertyChange(ConfigNames.Url, current.Url, webhook.Url));
                }
                if (!string.Equals(Empty(webhook.Description), Empty(current.Description), StringComparison.Ordinal))
                {
                    differences.Add(new ConfigurationPropertyChange(ConfigNames.Description, current.Description, webhook.Description));
                }
                if (differences.Count > 0)
                {
                    yield return Change(ConfigurationAction.Replace, ConfigurationKind.Webhook, webhook.Name, live.Ids.WebhookId(webhook.Name), webhook, differences);
                }
            }
            var wantedNames = new HashSet<string>(wanted.Webhooks.Select(w => w.Name), StringComparer.Ordinal);
            foreach (var webhook in ConfigOrder.Webhooks(live.Document.Webhooks).Where(w => !wantedNames.Contains(w.Name)))
            {
                yield return Change(ConfigurationAction.Remove, ConfigurationKind.Webhook, webhook.Name, live.Ids.WebhookId(webhook.Name), webhook, new List<ConfigurationPropertyChange>());
            }
        }

        private static IEnumerable<ConfigurationChange> Subscriptions(ConfigDocument wanted, ConfigSnapshot live, ConfigScope scope)
        {
            var liveKeys = new HashSet<string>(live.Document.Subscriptions.Select(s => s.Key), StringComparer.Ordinal);
            var wantedKeys = new HashSet<string>(wanted.Subscriptions.Select(s => s.Key), StringComparer.Ordinal);
            foreach (var subscription in ConfigOrder.Subscriptions(wanted.Subscriptions).Where(scope.Includes))
            {
                if (liveKeys.Add(subscription.Key))
                {
                    yield return Change(ConfigurationAction.Create, ConfigurationKind.Subscription, subscription.Key, null, subscription, new List<ConfigurationPropertyChange>());
                }
            }
            foreach (var subscription in ConfigOrder.Subscriptions(live.Document.Subscriptions).Where(scope.Includes))
            {
                if (wantedKeys.Add(subscription.Key))
                {
                    yield return Change(ConfigurationAction.Remove, ConfigurationKind.Subscription, subscription.Key, live.Ids.SubscriptionId(subscription.Key), subscription, new List<ConfigurationPropertyChange>());
                }
            }
        }

        /// <summary>The code hash decides when both sides know it; else the key, then the version, where the file gives them.</summary>
        private static bool SameComponent(ConfigComponentRef wanted, ConfigComponentRef live)
        {
            if (wanted.CodeHash != null && live.CodeHash != null) return string.Equals(wanted.CodeHash, live.CodeHash, StringComparison.OrdinalIgnoreCase);
            if (wanted.Key != null && live.Key != null)
            {
                return string.Equals(wanted.Key, live.Key, StringComparison.Ordinal) &&
                       (wanted.Version == null || string.Equals(wanted.Version, live.Version, StringComparison.Ordinal));
            }
            return wanted.Id == null || string.Equals(wanted.Id, live.Id, StringComparison.Ordinal);
        }

        private static string Describe(ConfigComponentRef component) =>
            (component.Key ?? component.Id ?? "?") + (component.Version == null ? string.Empty : "@" + component.Version) +
            (component.CodeHash == null ? string.Empty : " " + component.CodeHash.Substring(0, Math.Min(12, component.CodeHash.Length)));

        private static string Empty(string? value) => value ?? string.Empty;

        /// <summary>By name; with duplicate live names (under -Force) the first is compared, as its id is the one recorded.</summary>
        private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name)
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!map.ContainsKey(name(item))) map.Add(name(item), item);
            }
            return map;
        }

        private static ConfigurationChange Change(ConfigurationAction action, ConfigurationKind kind, string name, string? id, object item,
            List<ConfigurationPropertyChange> changes) =>
            new ConfigurationChange(action, kind, name, id, changes) { Item = item };
    }
}
