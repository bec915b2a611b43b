using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Json
{
    /// <summary>Free-form JSON as PowerShell objects, the way ConvertFrom-Json gives it, and such objects as text.</summary>
    internal static partial class PdJson
    {
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
    }
}
