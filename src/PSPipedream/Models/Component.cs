using System;
using Newtonsoft.Json;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>A component: saved in the account (sc_...) or published in the global registry.</summary>
    public sealed class Component : PdModel, IPdIdentified
    {
        public string? Id { get; set; }

        /// <summary>The key property of the component's code, e.g. rss-new-item-in-feed.</summary>
        public string? Key { get; set; }

        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Code { get; set; }

        /// <summary>SHA-256 of the code, as hex.</summary>
        public string? CodeHash { get; set; }

        /// <summary>The props a source made from this component can be configured with.</summary>
        public ConfigurableProp[]? ConfigurableProps { get; set; }

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? CreatedAt { get; set; }

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Key ?? Id ?? string.Empty;
    }
}
