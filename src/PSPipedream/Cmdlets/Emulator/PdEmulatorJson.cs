using System;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The shapes a control answer must have. A wrong shape throws FormatException, which
    /// <see cref="PdEmulatorControl"/> turns into PdEmulatorControlFailed.
    /// </summary>
    internal static class PdEmulatorJson
    {
        /// <summary>The object an answer must be; anything else is an answer the caller cannot read.</summary>
        public static JObject ExpectObject(JToken? answer) =>
            answer as JObject ?? throw new FormatException("expected a JSON object, got " + Kind(answer));

        /// <summary>The array an answer must be; anything else is an answer the caller cannot read.</summary>
        public static JArray ExpectArray(JToken? answer) =>
            answer as JArray ?? throw new FormatException("expected a JSON array, got " + Kind(answer));

        /// <summary>A UTC time as the control API takes it: ISO 8601 with milliseconds and Z.</summary>
        public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        private static string Kind(JToken? token) => token == null ? "no answer" : token.Type.ToString().ToLowerInvariant();
    }
}
