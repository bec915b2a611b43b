using System;
using System.Globalization;
using Newtonsoft.Json;

namespace PSPipedream.Json
{
    /// <summary>ISO 8601 text (or Unix milliseconds) to a UTC DateTime; text it cannot read gives null.</summary>
    internal sealed class IsoTimeConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Integer:
                case JsonToken.Float:
                    return UnixTimeConverter.FromUnixMilliseconds(UnixTimeConverter.ToDouble(reader.Value));
                case JsonToken.String:
                    return DateTimeOffset.TryParse((string?)reader.Value, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : (DateTime?)null;
                case JsonToken.Date:
                    return reader.Value is DateTime dt ? dt.ToUniversalTime() : (DateTime?)null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is DateTime dt) writer.WriteValue(dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            else writer.WriteNull();
        }
    }
}
