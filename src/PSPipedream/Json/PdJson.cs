using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace PSPipedream.Json
{
    /// <summary>The JSON settings the whole module reads and writes the API with.</summary>
    internal static partial class PdJson
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

        /// <summary>Serializes a body: a JToken as is, anything else with the module's settings.</summary>
        public static string Serialize(object? value)
        {
            if (value is JToken token) return token.ToString(Formatting.None);
            return JsonConvert.SerializeObject(value, Formatting.None, Settings);
        }

        public static T? ToModel<T>(JToken token) where T : class =>
            token.Type == JTokenType.Null ? null : token.ToObject<T>(Serializer);
    }
}
