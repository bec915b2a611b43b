using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// -Secret: the values for the document's placeholders, by the placeholder's text
    /// ({"$secret": "feed.token"} takes -Secret @{ 'feed.token' = ... }). A created source needs a
    /// value for each secret; an updated one keeps its live value where none is given.
    /// </summary>
    internal sealed class ConfigSecrets
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public ConfigSecrets(IDictionary? given)
        {
            if (given == null) return;
            foreach (DictionaryEntry entry in given)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var value = entry.Value is System.Management.Automation.PSObject ps ? ps.BaseObject : entry.Value;
                _values[name] = value is SecureString secure ? new NetworkCredential(string.Empty, secure).Password
                    : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        /// <summary>PdInvalidConfiguration for the first secret of a source to be created that has no value.</summary>
        public void CheckCreates(ConfigDocument wanted, IEnumerable<ConfigurationChange> changes)
        {
            foreach (var change in changes.Where(c => c.Kind == ConfigurationKind.Source && c.Action == ConfigurationAction.Create))
            {
                var index = wanted.Sources.FindIndex(s => s.Name == change.Name);
                if (index < 0) continue;
                foreach (var property in wanted.Sources[index].Props.Properties())
                {
                    var name = Placeholder(property.Value, ConfigNames.SecretPlaceholder);
                    if (name == null || _values.ContainsKey(name)) continue;
                    throw PdConfigurationException.Invalid(
                        string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}].{2}.{3}", ConfigNames.Sources, index, ConfigNames.Props, property.Name),
                        "the source is to be created, and the secret '" + name + "' has no value: give it with -Secret @{ '" + name + "' = ... }.");
                }
            }
        }

        /// <summary>
        /// The props to send: each placeholder filled from -Secret, else from <paramref name="live"/>
        /// (the source's current props, on an update), else left out.
        /// </summary>
        public JObject Fill(JObject props, JObject? live)
        {
            var filled = (JObject)props.DeepClone();
            foreach (var property in filled.Properties().ToList())
            {
                var name = Placeholder(property.Value, ConfigNames.SecretPlaceholder) ?? Placeholder(property.Value, ConfigNames.AppPlaceholder);
                if (name == null) continue;
                if (_values.TryGetValue(name, out var value)) property.Value = value;
                else if (live?.GetValue(property.Name, StringComparison.OrdinalIgnoreCase) is JToken current) property.Value = current.DeepClone();
                else property.Remove();
            }
            return filled;
        }

        private static string? Placeholder(JToken value, string key) =>
            value is JObject obj && obj.Count == 1 && obj.Properties().First() is JProperty p &&
            string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) && p.Value.Type == JTokenType.String
                ? p.Value.Value<string>() : null;
    }
}
