using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// A source's configured props as the document holds them: never a secret's value, never an
    /// app connection (which means nothing outside its account), never a server-made endpoint URL.
    /// </summary>
    internal static class ConfigProps
    {
        private const string HttpInterface = "$.interface.http";
        private const string EndpointUrl = "endpoint_url";

        /// <summary>
        /// The document's props; each prop taken for a secret by its name alone (its component does
        /// not flag it) is added to <paramref name="guessed"/> as "source.prop", for a warning.
        /// </summary>
        public static JObject FromLive(string sourceName, object? configuredProps, Component? component, ICollection<string>? guessed = null)
        {
            var props = configuredProps is JObject given ? (JObject)given.DeepClone()
                : PdFreeForm.TryToJson(configuredProps, "ConfiguredProps", out var json, out _) && json is JObject converted ? converted
                : new JObject();
            foreach (var property in props.Properties().ToList())
            {
                var declared = component?.ConfigurableProps?.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
                if (declared != null && IsSecret(declared))
                {
                    property.Value = Secret(sourceName, property.Name);
                }
                else if (declared != null && IsApp(declared))
                {
                    property.Value = new JObject(new JProperty(ConfigNames.AppPlaceholder, AppName(declared)));
                }
                else if (ConfigSecretNames.LooksSecret(property.Name, property.Value))
                {
                    property.Value = Secret(sourceName, property.Name);
                    guessed?.Add(sourceName + "." + property.Name);
                }
                else
                {
                    DropGenerated(property, declared);
                }
            }
            return props;
        }

        /// <summary>
        /// A copy of <paramref name="props"/> less the fields the server makes for each source (an
        /// HTTP interface's endpoint_url); every other value, secrets included, is kept as it is.
        /// </summary>
        public static JObject WithoutGenerated(JObject props, Component? component)
        {
            var kept = (JObject)props.DeepClone();
            foreach (var property in kept.Properties())
            {
                DropGenerated(property, component?.ConfigurableProps?.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)));
            }
            return kept;
        }

        private static void DropGenerated(JProperty property, ConfigurableProp? declared)
        {
            if (!(property.Value is JObject value) || (declared != null && !string.Equals(declared.Type, HttpInterface, StringComparison.Ordinal))) return;
            // With the component unknown, any endpoint_url is taken for the server's: it cannot be configured.
            foreach (var generated in value.Properties().Where(p => string.Equals(p.Name, EndpointUrl, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                generated.Remove();
            }
        }

        private static JObject Secret(string sourceName, string propName) =>
            new JObject(new JProperty(ConfigNames.SecretPlaceholder, sourceName + "." + propName));

        /// <summary>The component declares the prop secret: true.</summary>
        public static bool IsSecret(ConfigurableProp prop) =>
            prop.TryGetUnknownField("secret", out var secret) && secret.Type == JTokenType.Boolean && secret.Value<bool>();

        /// <summary>An app connection: type "app", or the $.app.* form.</summary>
        public static bool IsApp(ConfigurableProp prop) =>
            string.Equals(prop.Type, "app", StringComparison.OrdinalIgnoreCase) ||
            (prop.Type?.StartsWith("$.app", StringComparison.OrdinalIgnoreCase) ?? false);

        private static string AppName(ConfigurableProp prop)
        {
            if (prop.TryGetUnknownField("app", out var app) && app.Type == JTokenType.String) return app.Value<string>()!;
            var type = prop.Type ?? string.Empty;
            return type.StartsWith("$.app.", StringComparison.OrdinalIgnoreCase) ? type.Substring("$.app.".Length) : prop.Name ?? string.Empty;
        }
    }
}
