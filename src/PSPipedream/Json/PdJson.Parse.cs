using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Json
{
    /// <summary>Strict parsing of JSON text: one document, dates left as the text the API sent.</summary>
    internal static partial class PdJson
    {
        /// <summary>Parses text into a JToken without turning date-like strings into DateTime.</summary>
        /// <param name="floats">
        /// Decimal where every digit of a number must survive (the emulator's request log shows
        /// bodies as they were sent); Double for the API's answers, which models read.
        /// </param>
        public static JToken Parse(string json, FloatParseHandling floats = FloatParseHandling.Double)
        {
            using (var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = floats })
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
    }
}
