using System;
using System.Globalization;
using Newtonsoft.Json;

namespace PSPipedream.Json
{
    /// <summary>
    /// Unix time (a number or numeric string) to DateTime (UTC) and back. A time that DateTime
    /// cannot hold (say milliseconds sent where seconds are expected) reads as null rather than
    /// failing the whole answer.
    /// </summary>
    internal abstract class UnixTimeConverter : JsonConverter
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
}
