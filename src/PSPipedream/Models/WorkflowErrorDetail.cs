using System;
using System.Globalization;
using Newtonsoft.Json;
using PSPipedream.Http;

namespace PSPipedream
{
    /// <summary>The error of a failed workflow run: code, the step (cell) that threw, when, and the stack.</summary>
    public sealed class WorkflowErrorDetail : PdModel
    {
        public string? Code { get; set; }

        /// <summary>The step that threw (c_...).</summary>
        [JsonProperty("cellId")]
        public string? CellId { get; set; }

        /// <summary>When the error was thrown, UTC (the API sends an ISO 8601 time).</summary>
        [JsonProperty("ts")]
        [JsonConverter(typeof(IsoTimeConverter))]
        public DateTime? Ts { get; set; }

        public string? Stack { get; set; }

        public override string ToString() => Code ?? string.Empty;

        /// <summary>ISO 8601 text (or Unix milliseconds) to a UTC DateTime; text it cannot read gives null.</summary>
        private sealed class IsoTimeConverter : JsonConverter
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
}
