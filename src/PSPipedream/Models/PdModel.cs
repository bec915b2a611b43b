using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// Base of every API resource model. Fields the model does not know (ones the API adds later)
    /// are kept and come out as extra note properties (PascalCase) on the written object.
    /// Models live in namespace PSPipedream, so Get-Member shows PSPipedream.&lt;Model&gt;.
    /// </summary>
    public abstract class PdModel
    {
        /// <summary>Unknown fields' property names: the same few names come with every item of a list.</summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PascalNames =
            new System.Collections.Concurrent.ConcurrentDictionary<string, string>(System.StringComparer.Ordinal);

        [JsonExtensionData]
        internal IDictionary<string, JToken>? AdditionalFields { get; set; }

        /// <summary>PdJson.ToPascalCase, remembered for the first 1,000 names (a server sending new names each time cannot grow it for ever).</summary>
        private static string PascalName(string key)
        {
            if (PascalNames.TryGetValue(key, out var name)) return name;
            name = PdJson.ToPascalCase(key);
            if (PascalNames.Count < 1000) PascalNames.TryAdd(key, name);
            return name;
        }

        /// <summary>One field the model does not know, as it came from the API (snake_case name).</summary>
        internal bool TryGetUnknownField(string name, out JToken value)
        {
            value = null!;
            return AdditionalFields != null && AdditionalFields.TryGetValue(name, out value!);
        }

        /// <summary>The object to write: this model plus a note property per unknown field.</summary>
        internal PSObject ToPSObject()
        {
            var pso = new PSObject(this);
            if (AdditionalFields != null)
            {
                foreach (var field in AdditionalFields)
                {
                    var name = PascalName(field.Key);
                    if (pso.Properties[name] != null) name = field.Key;
                    if (pso.Properties[name] != null) continue;
                    pso.Properties.Add(new PSNoteProperty(name, PdJson.ToPSObject(field.Value)));
                }
            }
            return pso;
        }
    }
}
