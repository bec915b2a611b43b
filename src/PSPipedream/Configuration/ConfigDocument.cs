using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// An account as a document: what Export writes, Compare reads and Import applies. Sources and
    /// webhooks are matched by name, never by id, because ids differ between accounts.
    /// </summary>
    internal sealed class ConfigDocument
    {
        /// <summary>The only format this module reads and writes.</summary>
        public const int CurrentFormatVersion = 1;

        public int FormatVersion { get; set; } = CurrentFormatVersion;

        /// <summary>The user or org the document was exported from; for information only.</summary>
        public string? Owner { get; set; }

        public List<ConfigSource> Sources { get; set; } = new List<ConfigSource>();
        public List<ConfigSubscription> Subscriptions { get; set; } = new List<ConfigSubscription>();
        public List<ConfigWebhook> Webhooks { get; set; } = new List<ConfigWebhook>();

        /// <summary>The code of every component the sources use, each once.</summary>
        public List<ConfigComponent> Components { get; set; } = new List<ConfigComponent>();
    }

    internal sealed class ConfigSource
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>Null when the file does not say, which leaves the live value alone.</summary>
        public bool? Active { get; set; }

        public ConfigComponentRef Component { get; set; } = new ConfigComponentRef();

        /// <summary>The configured props; secrets and app connections are placeholders.</summary>
        public JObject Props { get; set; } = new JObject();
    }

    /// <summary>Enough to find or recreate a source's component in another account.</summary>
    internal sealed class ConfigComponentRef
    {
        public string? Id { get; set; }
        public string? Key { get; set; }
        public string? Version { get; set; }
        public string? CodeHash { get; set; }
    }

    internal sealed class ConfigComponent
    {
        public string CodeHash { get; set; } = string.Empty;
        public string? Key { get; set; }
        public string? Version { get; set; }
        public string Code { get; set; } = string.Empty;
    }

    internal sealed class ConfigWebhook
    {
        public string Name { get; set; } = string.Empty;
        public string Url { get; set; } = string.Empty;
        public string? Description { get; set; }
    }

    internal sealed class ConfigSubscription
    {
        public ConfigEnd Emitter { get; set; } = ConfigEnd.Id(string.Empty);
        public ConfigEnd Listener { get; set; } = ConfigEnd.Id(string.Empty);

        /// <summary>Null (absent) when the subscription has no event name.</summary>
        public string? EventName { get; set; }

        /// <summary>What matches a live subscription to a wanted one: both ends and the event name.</summary>
        public string Key => Emitter.Display + " -> " + Listener.Display + (string.IsNullOrEmpty(EventName) ? string.Empty : " (" + EventName + ")");
    }

    internal enum ConfigEndKind
    {
        /// <summary>A workflow's p_ id, a glob such as p_* or dc_*, or any id the document does not name.</summary>
        Id,
        Source,
        Webhook,
    }

    /// <summary>One end of a subscription: a source or webhook of the document by name, or an id kept as is.</summary>
    internal sealed class ConfigEnd
    {
        private ConfigEnd(ConfigEndKind kind, string value)
        {
            Kind = kind;
            Value = value;
        }

        public ConfigEndKind Kind { get; }
        public string Value { get; }

        public static ConfigEnd Id(string id) => new ConfigEnd(ConfigEndKind.Id, id);
        public static ConfigEnd Source(string name) => new ConfigEnd(ConfigEndKind.Source, name);
        public static ConfigEnd Webhook(string name) => new ConfigEnd(ConfigEndKind.Webhook, name);

        /// <summary>source:name, webhook:name or the id: unambiguous, since ids never hold a colon.</summary>
        public string Display => Kind == ConfigEndKind.Id ? Value : (Kind == ConfigEndKind.Source ? "source:" : "webhook:") + Value;

        public override string ToString() => Display;
    }
}
