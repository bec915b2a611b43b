using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// What a PUT /sources/{id} would change, for the What-if line and the prompt:
    /// "name: seed-1 -> x; active: True -> False; props: changed (url, timer)". Old values come
    /// from the piped source; without one only the new values are shown ("name -> x"). Props are
    /// named, never shown: a value may be a secret.
    /// </summary>
    internal static class SourceChangeText
    {
        public static string Describe(JObject body, object? old)
        {
            var parts = new List<string>();
            foreach (var field in body.Properties())
            {
                switch (field.Name)
                {
                    case "name":
                        parts.Add(Change("name", Text(PdPipedObject.Value(old, "Name")), Text(field.Value.Value<string>())));
                        break;
                    case "active":
                        parts.Add(Change("active", PdPipedObject.Value(old, "Active") is bool was ? Flag(was) : null, Flag(field.Value.Value<bool>())));
                        break;
                    case "configured_props":
                        parts.Add(Props(old == null ? null : SourceProps.OfPiped(old), (JObject)field.Value));
                        break;
                    case "component_id":
                        parts.Add(Component(old, field.Value.Value<string>()));
                        break;
                    case "component_code":
                        parts.Add(Component(old, "the given code"));
                        break;
                    case "component_url":
                        parts.Add(Component(old, Text(field.Value.Value<string>())));
                        break;
                }
            }
            return string.Join("; ", parts);
        }

        private static string Props(JObject? old, JObject given)
        {
            if (old == null) return "props: replaced" + Names(SourceProps.Changed(new JObject(), given));
            var changed = SourceProps.Changed(old, given);
            return changed.Count == 0 ? "props: unchanged" : "props: changed" + Names(changed);
        }

        private static string Names(List<string> names) =>
            names.Count == 0 ? " (none)" : " (" + string.Join(", ", names.ConvertAll(n => PdText.Quote(n, 60))) + ")";

        private static string Component(object? old, string? given) =>
            Change("component", Text(PdPipedObject.Value(old, "ComponentId")), given);

        private static string Change(string field, string? old, string? given) =>
            old == null ? field + " -> " + given : field + ": " + old + " -> " + given;

        private static string? Text(object? value) => value is string text ? PdText.Quote(text, 100) : null;

        private static string Flag(bool value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
