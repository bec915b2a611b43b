using System;
using System.Collections.Generic;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The live ids behind a document built from an account: the document names things, the plan
    /// and the applier need their ids. With duplicate names (under -Force) the first listed wins.
    /// </summary>
    internal sealed class ConfigLiveIds
    {
        public IDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public IDictionary<string, string> Webhooks { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>By <see cref="ConfigSubscription.Key"/>.</summary>
        public IDictionary<string, string> Subscriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Component ids by code hash: a component the account holds need not be created again.</summary>
        public IDictionary<string, string> Components { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? SourceId(string name) => Sources.TryGetValue(name, out var id) ? id : null;
        public string? WebhookId(string name) => Webhooks.TryGetValue(name, out var id) ? id : null;
        public string? SubscriptionId(string key) => Subscriptions.TryGetValue(key, out var id) ? id : null;
    }
}
