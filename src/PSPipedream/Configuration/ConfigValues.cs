using System;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// Normalisation before comparing, so that an account just exported compares clean although
    /// the server rewrites what it was sent: null equals absent (and so does an object left empty),
    /// keys match without regard to order, case or word separators (intervalSeconds is
    /// interval_seconds), and numbers compare by value (1 is 1.0).
    /// </summary>
    internal static class ConfigValues
    {
        /// <summary>The canonical form of a value, or null when it counts as absent.</summary>
        public static JToken? Normalize(JToken? token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Object:
                    var properties = ((JObject)token).Properties()
                        .Select(p => new { Key = CanonicalKey(p.Name), Value = Normalize(p.Value) })
                        .Where(p => p.Value != null)
                        .GroupBy(p => p.Key, StringComparer.Ordinal)
                        .Select(g => g.First())
                        .OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => new JProperty(p.Key, p.Value))
                        .ToList();
                    return properties.Count == 0 ? null : new JObject(properties);
                case JTokenType.Array:
                    return new JArray(((JArray)token).Select(item => Normalize(item) ?? JValue.CreateNull()));
                case JTokenType.Integer:
                case JTokenType.Float:
                    return Number(token);
                default:
                    return token.DeepClone();
            }
        }

        /// <summary>
        /// True when the wanted value asks for nothing the live value lacks. A placeholder on the
        /// wanted side (a secret or an app connection) never counts as a change.
        /// </summary>
        public static bool Same(JToken? wanted, JToken? live)
        {
            if (IsPlaceholder(wanted)) return true;
            var w = Normalize(wanted);
            var l = Normalize(live);
            if (w == null || l == null) return w == null && l == null;
            if (w is JObject wo && l is JObject lo)
            {
                var keys = wo.Properties().Select(p => p.Name).Union(lo.Properties().Select(p => p.Name), StringComparer.Ordinal);
                return keys.All(k => Same(wo[k], lo[k]));
            }
            if (w is JArray wa && l is JArray la)
            {
                return wa.Count == la.Count && wa.Zip(la, Same).All(same => same);
            }
            return JToken.DeepEquals(w, l);
        }

        /// <summary>{"$secret": "source.prop"} or {"$app": "github"}: a value the document does not hold.</summary>
        public static bool IsPlaceholder(JToken? token) =>
            token is JObject obj && obj.Count == 1 && obj.Properties().First() is JProperty p &&
            (string.Equals(p.Name, ConfigNames.SecretPlaceholder, StringComparison.OrdinalIgnoreCase) ||
             string.Equals(p.Name, ConfigNames.AppPlaceholder, StringComparison.OrdinalIgnoreCase));

        /// <summary>The value as one line of JSON for a plan's Live and Wanted columns; null stays null.</summary>
        public static object? Display(JToken? token)
        {
            if (token == null || token.Type == JTokenType.Null) return null;
            if (token is JValue value) return value.Value;
            return token.ToString(Formatting.None);
        }

        /// <summary>"interval_seconds", "intervalSeconds" and "IntervalSeconds" are one key.</summary>
        private static string CanonicalKey(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (c == '_' || c == '-') continue;
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.Length == 0 ? name : sb.ToString();
        }

        /// <summary>A whole number as an integer, whatever its spelling (1, 1.0, 1e0); others as double.</summary>
        private static JValue Number(JToken token)
        {
            if (token.Type == JTokenType.Integer && ((JValue)token).Value is long) return new JValue(token.Value<long>());
            var number = token.Value<double>();
            if (Math.Floor(number) == number && Math.Abs(number) < 9e15) return new JValue((long)number);
            return new JValue(number);
        }
    }
}
