using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace PSPipedream.Json
{
    /// <summary>JSON settings and conversions shared by the whole module.</summary>
    public static class PdJson
    {
        /// <summary>snake_case names, nulls left out, dates left as strings.</summary>
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MissingMemberHandling = MissingMemberHandling.Ignore,
        };

        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        /// <summary>Parses text into a JToken without turning date-like strings into DateTime.</summary>
        public static JToken Parse(string json)
        {
            using (var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double })
            {
                var token = JToken.ReadFrom(reader);
                // Reject trailing content such as a second document or a cut-off tail.
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        throw new JsonReaderException("Unexpected content after the JSON value.");
                    }
                }
                return token;
            }
        }

        /// <summary>Serializes a body: a JToken as is, anything else with the module's settings.</summary>
        public static string Serialize(object? value)
        {
            if (value is JToken token) return token.ToString(Formatting.None);
            return JsonConvert.SerializeObject(value, Formatting.None, Settings);
        }

        /// <summary>
        /// Data (a PSCustomObject, hashtable, array or value, as ToPSObject gives) as one line of
        /// JSON, for properties that tables and Export-Csv show as text; null for null, and null
        /// for anything that is not data (rather than throwing from a property getter).
        /// </summary>
        public static string? ToOneLine(object? value)
        {
            if (value == null) return null;
            return PdFreeForm.TryToJson(value, "value", out var json, out _) && json != null
                ? json.ToString(Formatting.None)
                : null;
        }

        private static readonly MethodInfo DataToStringMethod = typeof(PdJson).GetMethod(nameof(DataToString))!;

        /// <summary>
        /// The ToString of the objects <see cref="ToPSObject"/> makes: one line of JSON (null
        /// values kept), or "{...}" in the unlikely case the object no longer converts.
        /// </summary>
        public static string DataToString(PSObject instance) => ToOneLine(instance) ?? "{...}";

        public static T? ToModel<T>(JToken token) where T : class =>
            token.Type == JTokenType.Null ? null : token.ToObject<T>(Serializer);

        /// <summary>
        /// Free-form JSON as PowerShell sees it from ConvertFrom-Json: objects become
        /// PSCustomObject with note properties (names kept), arrays object[], numbers long/double,
        /// strings string (dates are not parsed), null null. One difference: an object's ToString
        /// is its one line of JSON rather than @{name=...}, so Export-Csv and string expansion
        /// give text that can be read back (see <see cref="DataToString"/>).
        /// </summary>
        public static object? ToPSObject(JToken? token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.Object:
                    var pso = new PSObject();
                    foreach (var property in ((JObject)token).Properties())
                    {
                        pso.Properties.Add(new PSNoteProperty(property.Name, ToPSObject(property.Value)));
                    }
                    pso.Methods.Add(new PSCodeMethod("ToString", DataToStringMethod));
                    return pso;
                case JTokenType.Array:
                    var array = (JArray)token;
                    var items = new object?[array.Count];
                    for (var i = 0; i < items.Length; i++) items[i] = ToPSObject(array[i]);
                    return items;
                case JTokenType.Integer:
                    var value = ((JValue)token).Value;
                    return value is int i32 ? (long)i32 : value;
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Date:
                case JTokenType.Float:
                case JTokenType.String:
                case JTokenType.Boolean:
                case JTokenType.Guid:
                case JTokenType.Uri:
                case JTokenType.TimeSpan:
                case JTokenType.Bytes:
                    return ((JValue)token).Value;
                default:
                    return token.ToString(Formatting.None);
            }
        }

        /// <summary>
        /// The value the reader is on, read the way <see cref="ToPSObject"/> converts a token, but
        /// straight from the reader (no JToken in between). A repeated name keeps its last value,
        /// as JObject does.
        /// </summary>
        public static object? ReadPSObject(JsonReader reader)
        {
            while (reader.TokenType == JsonToken.Comment) reader.Read();
            switch (reader.TokenType)
            {
                case JsonToken.StartObject:
                    var pso = new PSObject();
                    while (reader.Read() && reader.TokenType != JsonToken.EndObject)
                    {
                        if (reader.TokenType != JsonToken.PropertyName) continue;
                        var name = (string)reader.Value!;
                        reader.Read();
                        var value = ReadPSObject(reader);
                        var existing = pso.Properties[name];
                        if (existing != null) existing.Value = value;
                        else pso.Properties.Add(new PSNoteProperty(name, value));
                    }
                    pso.Methods.Add(new PSCodeMethod("ToString", DataToStringMethod));
                    return pso;
                case JsonToken.StartArray:
                    var items = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                    {
                        if (reader.TokenType != JsonToken.Comment) items.Add(ReadPSObject(reader));
                    }
                    return items.ToArray();
                case JsonToken.Integer:
                    return reader.Value is int i32 ? (long)i32 : reader.Value;
                case JsonToken.Null:
                case JsonToken.Undefined:
                    return null;
                default:
                    return reader.Value;
            }
        }

        /// <summary>snake_case or camelCase to PascalCase: "name_slug" -> "NameSlug".</summary>
        public static string ToPascalCase(string name)
        {
            if (string.IsNullOrEmpty(name)) return name;
            var sb = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (c == '_' || c == '-')
                {
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.Length == 0 ? name : sb.ToString();
        }

        /// <summary>PascalCase to snake_case: "NameSlug" -> "name_slug", "CreatedAt" -> "created_at".</summary>
        public static string ToSnakeCase(string name) => new SnakeCaseNamingStrategy().GetPropertyName(name, false);
    }

    /// <summary>
    /// Unix time (a number or numeric string) to DateTime (UTC) and back. A time that DateTime
    /// cannot hold (say milliseconds sent where seconds are expected) reads as null rather than
    /// failing the whole answer.
    /// </summary>
    public abstract class UnixTimeConverter : JsonConverter
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly double _millisecondsPerUnit;

        private protected UnixTimeConverter(double millisecondsPerUnit) => _millisecondsPerUnit = millisecondsPerUnit;

        public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var units = ReadNumber(reader);
            return units.HasValue ? FromUnixMilliseconds(units.Value * _millisecondsPerUnit) : null;
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is DateTime dt) writer.WriteValue((long)((dt.ToUniversalTime() - Epoch).TotalMilliseconds / _millisecondsPerUnit));
            else writer.WriteNull();
        }

        /// <summary>Unix milliseconds to a UTC DateTime; null when out of DateTime's range.</summary>
        internal static DateTime? FromUnixMilliseconds(double milliseconds)
        {
            if (double.IsNaN(milliseconds) || double.IsInfinity(milliseconds)) return null;
            try
            {
                return Epoch.AddMilliseconds(milliseconds);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        /// <summary>A JSON number (of any size) as a double.</summary>
        internal static double ToDouble(object? value) =>
            value is System.Numerics.BigInteger big ? (double)big : Convert.ToDouble(value, CultureInfo.InvariantCulture);

        private static double? ReadNumber(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                case JsonToken.Undefined:
                    return null;
                case JsonToken.Integer:
                case JsonToken.Float:
                    return ToDouble(reader.Value);
                case JsonToken.String:
                    var text = (string?)reader.Value;
                    if (string.IsNullOrEmpty(text)) return null;
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
                    throw new JsonSerializationException("Expected a Unix timestamp, got '" + text + "'.");
                default:
                    throw new JsonSerializationException("Expected a Unix timestamp, got " + reader.TokenType + ".");
            }
        }
    }

    /// <summary>Unix seconds (created_at, updated_at) to DateTime (UTC) and back.</summary>
    public sealed class UnixSecondsConverter : UnixTimeConverter
    {
        public UnixSecondsConverter() : base(1000)
        {
        }
    }

    /// <summary>Unix milliseconds (indexed_at_ms) to DateTime (UTC) and back.</summary>
    public sealed class UnixMillisecondsConverter : UnixTimeConverter
    {
        public UnixMillisecondsConverter() : base(1)
        {
        }
    }

    /// <summary>Free-form JSON to a PSCustomObject tree (see <see cref="PdJson.ToPSObject"/>) and back (see <see cref="PdFreeForm"/>).</summary>
    public sealed class PSObjectJsonConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(object) || objectType == typeof(PSObject);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            PdJson.ReadPSObject(reader);

        /// <summary>Writes the value through <see cref="PdFreeForm"/>, so only data is written; anything else throws PdArgumentException.</summary>
        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            PdFreeForm.ToJson(value, string.IsNullOrEmpty(writer.Path) ? "value" : writer.Path).WriteTo(writer);
        }
    }
}
