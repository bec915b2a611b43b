using System;
using System.Globalization;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// The error of a failed workflow run: code, message, the step (cell) that threw, when, and the
    /// stack. Fields it does not declare are kept (see <see cref="PdModel"/>) and written as note
    /// properties of the Error object.
    /// </summary>
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

        /// <summary>What the error says: the API's "message" field, or its "msg" field when it sends that instead.</summary>
        public string? Message { get; set; }

        public string? Stack { get; set; }

        [OnDeserialized]
        internal void OnDeserialized(StreamingContext context)
        {
            if (Message == null && AdditionalFields != null && AdditionalFields.TryGetValue("msg", out var msg)
                && msg.Type == JTokenType.String)
                Message = (string?)msg;
        }

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
