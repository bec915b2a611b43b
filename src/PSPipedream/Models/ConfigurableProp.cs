using Newtonsoft.Json;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>One configurable prop of a component (an entry of configurable_props).</summary>
    public sealed class ConfigurableProp : PdModel
    {
        public string? Name { get; set; }

        /// <summary>The prop type, e.g. string, integer or $.interface.timer.</summary>
        public string? Type { get; set; }

        public string? Label { get; set; }
        public string? Description { get; set; }

        /// <summary>The default value as PowerShell sees JSON (e.g. .intervalSeconds of a timer), or null.</summary>
        [JsonConverter(typeof(PSObjectJsonConverter))]
        public object? Default { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
