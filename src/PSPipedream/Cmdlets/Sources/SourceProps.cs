using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// A source's configured props as the source cmdlets take them in: from -Props (a hashtable, a
    /// PSCustomObject, or JSON text), or from a piped source, whose ConfiguredProps are free-form
    /// data and whose Props are the same as one line of JSON (as Export-Csv writes them).
    /// </summary>
    internal static class SourceProps
    {
        /// <summary>
        /// <paramref name="value"/> as the props object to send; null (with no problem) when it is
        /// null or JSON null. False, with the reason, when it is not data or not an object.
        /// </summary>
        public static bool TryRead(object? value, string parameterName, out JObject? props, out string? problem)
        {
            props = null;
            if (!PdFreeForm.TryToJsonBody(value, parameterName, out var json, out problem)) return false;
            if (json == null || json.Type == JTokenType.Null) return true;
            props = json as JObject;
            if (props != null) return true;
            problem = "The props must be an object of named values (a hashtable, a PSCustomObject or JSON text of an object), not " + json.Type.ToString().ToLowerInvariant() + ".";
            return false;
        }

        /// <summary>The props of a piped source (its ConfiguredProps, else its Props text); null when it has none that read.</summary>
        public static JObject? OfPiped(object? piped)
        {
            var value = PdPipedObject.Value(piped, "ConfiguredProps") ?? PdPipedObject.Value(piped, "Props");
            return TryRead(value, "Props", out var props, out _) ? props : null;
        }

        /// <summary>
        /// The props without what the server made rather than the user configured (an HTTP
        /// interface's endpoint_url), which a new source gets its own of; <paramref name="dropped"/>
        /// names each field taken out, e.g. "http.endpoint_url".
        /// </summary>
        public static JObject WithoutGenerated(JObject props, out List<string> dropped)
        {
            // The rule is the one exports follow; without the component every endpoint_url is the server's.
            var kept = ConfigProps.WithoutGenerated(props, null);
            dropped = new List<string>();
            foreach (var prop in props.Properties().Where(p => p.Value is JObject))
            {
                var keptValue = kept[prop.Name] as JObject;
                dropped.AddRange(((JObject)prop.Value).Properties()
                    .Where(field => keptValue?.Property(field.Name) == null)
                    .Select(field => prop.Name + "." + field.Name));
            }
            return kept;
        }

        /// <summary>The names of the props that differ between <paramref name="old"/> and <paramref name="given"/> (changed, added or left out), in ordinal order.</summary>
        public static List<string> Changed(JObject old, JObject given) =>
            given.Properties().Select(p => p.Name)
                .Concat(old.Properties().Select(p => p.Name))
                .Distinct()
                .Where(name => !JToken.DeepEquals(old[name], given[name]))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
    }
}
