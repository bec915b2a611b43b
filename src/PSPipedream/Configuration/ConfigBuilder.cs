using System;
using System.Collections.Generic;
using System.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// Live models to a document: ids become names, secrets and app connections become
    /// placeholders, and what the server generates (ids, timestamps, an HTTP source's endpoint URL)
    /// is left out, so that two exports of an unchanged account are the same.
    /// </summary>
    internal static class ConfigBuilder
    {
        /// <summary>
        /// Throws PdAmbiguousName when two sources or two webhooks share a name, unless
        /// <paramref name="force"/>: then both are kept and the snapshot lists the names.
        /// </summary>
        public static ConfigSnapshot FromLive(IEnumerable<Source> sources, IEnumerable<Subscription> subscriptions,
            IEnumerable<Webhook> webhooks, IEnumerable<Component> components, string? owner, bool force = false)
        {
            var sourceList = sources.ToList();
            var webhookList = webhooks.ToList();
            var duplicateSources = Duplicates(sourceList.Select(s => s.Name ?? string.Empty));
            var duplicateWebhooks = Duplicates(webhookList.Select(w => w.Name ?? string.Empty));
            if (!force && duplicateSources.Count > 0) throw PdConfigurationException.Ambiguous("source", duplicateSources);
            if (!force && duplicateWebhooks.Count > 0) throw PdConfigurationException.Ambiguous("webhook", duplicateWebhooks);

            var componentsById = new Dictionary<string, Component>(StringComparer.Ordinal);
            var ids = new ConfigLiveIds();
            foreach (var component in components)
            {
                if (component.Id != null && !componentsById.ContainsKey(component.Id)) componentsById.Add(component.Id, component);
                if (component.CodeHash != null && component.Id != null && !ids.Components.ContainsKey(component.CodeHash)) ids.Components.Add(component.CodeHash, component.Id);
            }

            var document = new ConfigDocument { Owner = owner };
            var sourceNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new Dictionary<string, ConfigComponent>(StringComparer.Ordinal);
            var guessedSecrets = new List<string>();
            foreach (var source in sourceList)
            {
                var name = source.Name ?? string.Empty;
                var component = source.ComponentId != null && componentsById.TryGetValue(source.ComponentId, out var c) ? c : null;
                document.Sources.Add(new ConfigSource
                {
                    Name = name,
                    Active = source.Active,
                    Component = new ConfigComponentRef
                    {
                        Id = source.ComponentId,
                        Key = component?.Key,
                        Version = component?.Version,
                        CodeHash = component?.CodeHash,
                    },
                    Props = ConfigProps.FromLive(name, source.ConfiguredProps, component, guessedSecrets),
                });
                if (source.Id != null && !sourceNames.ContainsKey(source.Id)) sourceNames.Add(source.Id, name);
                if (source.Id != null && !ids.Sources.ContainsKey(name)) ids.Sources.Add(name, source.Id);
                if (component?.CodeHash != null && component.Code != null && !used.ContainsKey(component.CodeHash))
                {
                    used.Add(component.CodeHash, new ConfigComponent { CodeHash = component.CodeHash, Key = component.Key, Version = component.Version, Code = component.Code });
                }
            }
            document.Components.AddRange(used.Values);

            var webhookNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var webhook in webhookList)
            {
                var name = webhook.Name ?? string.Empty;
                document.Webhooks.Add(new ConfigWebhook { Name = name, Url = webhook.Url ?? string.Empty, Description = webhook.Description });
                if (webhook.Id != null && !webhookNames.ContainsKey(webhook.Id)) webhookNames.Add(webhook.Id, name);
                if (webhook.Id != null && !ids.Webhooks.ContainsKey(name)) ids.Webhooks.Add(name, webhook.Id);
            }

            foreach (var subscription in subscriptions)
            {
                var item = new ConfigSubscription
                {
                    Emitter = End(subscription.EmitterId, sourceNames, webhookNames),
                    Listener = End(subscription.ListenerId, sourceNames, webhookNames),
                    EventName = string.IsNullOrEmpty(subscription.EventName) ? null : subscription.EventName,
                };
                document.Subscriptions.Add(item);
                if (subscription.Id != null && !ids.Subscriptions.ContainsKey(item.Key)) ids.Subscriptions.Add(item.Key, subscription.Id);
            }

            return new ConfigSnapshot(document, ids, duplicateSources, duplicateWebhooks) { GuessedSecrets = guessedSecrets };
        }

        private static ConfigEnd End(string? id, IDictionary<string, string> sources, IDictionary<string, string> webhooks)
        {
            if (id == null) return ConfigEnd.Id(string.Empty);
            if (sources.TryGetValue(id, out var source)) return ConfigEnd.Source(source);
            if (webhooks.TryGetValue(id, out var webhook)) return ConfigEnd.Webhook(webhook);
            return ConfigEnd.Id(id);
        }

        private static IReadOnlyList<string> Duplicates(IEnumerable<string> names) =>
            names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
