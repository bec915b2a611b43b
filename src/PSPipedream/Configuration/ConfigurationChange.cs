using System.Collections.Generic;

namespace PSPipedream
{
    /// <summary>What a plan does to one item: Compare-PdConfiguration writes one per difference.</summary>
    public enum ConfigurationAction
    {
        Create,
        Update,

        /// <summary>Created anew, its subscriptions moved, then the old one deleted (webhooks cannot be updated).</summary>
        Replace,

        /// <summary>In the account but not in the file.</summary>
        Remove,
    }

    /// <summary>The kinds of item a configuration holds; -Include takes these.</summary>
    public enum ConfigurationKind
    {
        Source,
        Subscription,
        Webhook,
    }

    /// <summary>One difference between the account and the file.</summary>
    public sealed class ConfigurationChange
    {
        public ConfigurationChange(ConfigurationAction action, ConfigurationKind kind, string name, string? id,
            IReadOnlyList<ConfigurationPropertyChange> changes)
        {
            Action = action;
            Kind = kind;
            Name = name;
            Id = id;
            Changes = changes;
        }

        public ConfigurationAction Action { get; }
        public ConfigurationKind Kind { get; }

        /// <summary>The source's or webhook's name; a subscription's "emitter -> listener (event)".</summary>
        public string Name { get; }

        /// <summary>The live id, or null when the item is yet to be created.</summary>
        public string? Id { get; }

        public IReadOnlyList<ConfigurationPropertyChange> Changes { get; }

        /// <summary>
        /// What Import-PdConfiguration made of the change: "Done", "Failed: " and the error, or
        /// "Skipped because" and why. Null from Compare-PdConfiguration, which changes nothing.
        /// </summary>
        public string? Result { get; internal set; }

        /// <summary>The document's item this change is about (wanted, or live for Remove), for the applier.</summary>
        internal object? Item { get; set; }

        public override string ToString() => Action + " " + Kind + " " + Name;
    }

    /// <summary>One property of a change, as the account holds it and as the file wants it.</summary>
    public sealed class ConfigurationPropertyChange
    {
        public ConfigurationPropertyChange(string property, object? live, object? wanted)
        {
            Property = property;
            Live = live;
            Wanted = wanted;
        }

        /// <summary>active, component, props.&lt;name&gt;, url or description.</summary>
        public string Property { get; }

        /// <summary>A scalar as is, an object or array as one line of JSON, null when absent.</summary>
        public object? Live { get; }

        public object? Wanted { get; }

        public override string ToString() => Property;
    }
}
