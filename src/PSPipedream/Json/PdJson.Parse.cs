using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Json
{
    /// <summary>Strict parsing of JSON text: one document, dates and floats left as the API sent them.</summary>
    internal static partial class PdJson
    {
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
    }
}
