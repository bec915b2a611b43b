using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The second guard against a secret reaching a file: a prop whose name reads like a secret
    /// (token, password, api_key, client_secret, private_key...) and that holds text is taken for
    /// one even when its component does not flag it secret, because a component read without
    /// its flags would otherwise let the value through silently.
    /// </summary>
    internal static class ConfigSecretNames
    {
        /// <summary>Compared with the name's letters and digits only, lower case: "API-Key" and "apiKey" are "apikey".</summary>
        private static readonly string[] Words =
        {
            "token", "secret", "password", "passwd", "passphrase", "apikey", "privatekey", "accesskey", "credential",
        };

        public static bool LooksSecret(string name, JToken value)
        {
            if (value.Type != JTokenType.String || string.IsNullOrEmpty(value.Value<string>())) return false;
            var letters = new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
            return Words.Any(word => letters.IndexOf(word, StringComparison.Ordinal) >= 0);
        }
    }
}
