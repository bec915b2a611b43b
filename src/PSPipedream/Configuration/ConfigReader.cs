using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// Text to document. Every problem is a PdInvalidConfiguration naming the JSON path, so a
    /// hand-edited file is refused before anything is sent. Keys are matched without regard to case.
    /// </summary>
    internal static class ConfigReader
    {
        /// <summary>
        /// Reads and validates a document. <paramref name="live"/> holds the account's source and
        /// webhook names, which subscriptions may also name; null when only the file counts.
        /// </summary>
        public static ConfigDocument Read(string text, ConfigLiveNames? live = null)
        {
            var document = Parse(text);
            ConfigValidator.Validate(document, live);
            return document;
        }

        /// <summary>The document's structure only: JSON, format version, required fields and their types.</summary>
        public static ConfigDocument Parse(string text)
        {
            JToken root;
            try
            {
                root = PdJson.Parse(text ?? string.Empty);
            }
            catch (JsonException ex)
            {
                throw PdConfigurationException.Invalid("$", "the text is not JSON (" + ex.Message.TrimEnd('.') + ").");
            }
            if (!(root is JObject top)) throw PdConfigurationException.Invalid("$", "the document must be a JSON object.");

            var version = Field(top, ConfigNames.FormatVersion, "$");
            if (version == null) throw Missing("$", ConfigNames.FormatVersion);
            if (version.Type != JTokenType.Integer || version.Value<long>() != ConfigDocument.CurrentFormatVersion)
            {
                throw PdConfigurationException.Invalid("$." + ConfigNames.FormatVersion, string.Format(CultureInfo.InvariantCulture,
                    "unknown format version {0}; this module reads version {1}.", version.ToString(Formatting.None), ConfigDocument.CurrentFormatVersion));
            }

            return new ConfigDocument
            {
                Owner = OptionalString(top, ConfigNames.Owner, "$"),
                Sources = Items(top, ConfigNames.Sources, ReadSource),
                Subscriptions = Items(top, ConfigNames.Subscriptions, ReadSubscription),
                Webhooks = Items(top, ConfigNames.Webhooks, ReadWebhook),
                Components = Items(top, ConfigNames.Components, ReadComponent),
            };
        }

        private static ConfigSource ReadSource(JObject item, string path)
        {
            var active = Field(item, ConfigNames.Active, path);
            if (active != null && active.Type != JTokenType.Boolean) throw WrongType(path, ConfigNames.Active, "true or false");
            var component = Field(item, ConfigNames.Component, path);
            if (component == null) throw Missing(path, ConfigNames.Component);
            if (!(component is JObject reference)) throw WrongType(path, ConfigNames.Component, "an object");
            var componentPath = path + "." + ConfigNames.Component;
            var componentRef = new ConfigComponentRef
            {
                Id = OptionalString(reference, ConfigNames.Id, componentPath),
                Key = OptionalString(reference, ConfigNames.Key, componentPath),
                Version = OptionalString(reference, ConfigNames.Version, componentPath),
                CodeHash = OptionalString(reference, ConfigNames.CodeHash, componentPath),
            };
            if (componentRef.Id == null && componentRef.Key == null && componentRef.CodeHash == null)
            {
                throw PdConfigurationException.Invalid(componentPath, "the component needs an id, a key or a code_hash.");
            }
            var props = Field(item, ConfigNames.Props, path);
            if (props != null && !(props is JObject)) throw WrongType(path, ConfigNames.Props, "an object");
            return new ConfigSource
            {
                Name = RequiredString(item, ConfigNames.Name, path),
                Active = active?.Value<bool>(),
                Component = componentRef,
                Props = (JObject?)props?.DeepClone() ?? new JObject(),
            };
        }

        private static ConfigSubscription ReadSubscription(JObject item, string path) => new ConfigSubscription
        {
            Emitter = ReadEnd(item, ConfigNames.Emitter, path),
            Listener = ReadEnd(item, ConfigNames.Listener, path),
            EventName = OptionalString(item, ConfigNames.EventName, path),
        };

        private static ConfigEnd ReadEnd(JObject item, string name, string path)
        {
            var end = Field(item, name, path);
            if (end == null) throw Missing(path, name);
            if (end.Type == JTokenType.String && end.Value<string>()!.Length > 0) return ConfigEnd.Id(end.Value<string>()!);
            if (end is JObject named && named.Count == 1)
            {
                var endPath = path + "." + name;
                var source = OptionalString(named, ConfigNames.SourceEnd, endPath);
                if (source != null) return ConfigEnd.Source(source);
                var webhook = OptionalString(named, ConfigNames.WebhookEnd, endPath);
                if (webhook != null) return ConfigEnd.Webhook(webhook);
            }
            throw WrongType(path, name, "an id such as \"p_abc\" or \"dc_*\", {\"source\": \"<name>\"} or {\"webhook\": \"<name>\"}");
        }

        private static ConfigWebhook ReadWebhook(JObject item, string path) => new ConfigWebhook
        {
            Name = RequiredString(item, ConfigNames.Name, path),
            Url = RequiredString(item, ConfigNames.Url, path),
            Description = OptionalString(item, ConfigNames.Description, path),
        };

        private static ConfigComponent ReadComponent(JObject item, string path) => new ConfigComponent
        {
            CodeHash = RequiredString(item, ConfigNames.CodeHash, path),
            Key = OptionalString(item, ConfigNames.Key, path),
            Version = OptionalString(item, ConfigNames.Version, path),
            Code = RequiredString(item, ConfigNames.Code, path),
        };

        /// <summary>An optional array of objects; absent or null is an empty list.</summary>
        private static List<T> Items<T>(JObject top, string name, Func<JObject, string, T> read)
        {
            var list = new List<T>();
            var token = Field(top, name, "$");
            if (token == null) return list;
            if (!(token is JArray array)) throw WrongType("$", name, "an array");
            for (var i = 0; i < array.Count; i++)
            {
                var path = string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}]", name, i);
                if (!(array[i] is JObject item)) throw PdConfigurationException.Invalid(path, "each item must be an object.");
                list.Add(read(item, path));
            }
            return list;
        }

        /// <summary>A key, matched without regard to case; null when absent or JSON null (null equals absent).</summary>
        private static JToken? Field(JObject obj, string name, string path)
        {
            JToken? found = null;
            foreach (var property in obj.Properties())
            {
                if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                if (found != null) throw PdConfigurationException.Invalid(path + "." + name, "the key is given more than once.");
                found = property.Value;
            }
            return found == null || found.Type == JTokenType.Null ? null : found;
        }

        private static string RequiredString(JObject obj, string name, string path) =>
            OptionalString(obj, name, path) is string value && value.Length > 0 ? value : throw Missing(path, name);

        private static string? OptionalString(JObject obj, string name, string path)
        {
            var token = Field(obj, name, path);
            if (token == null) return null;
            if (token.Type != JTokenType.String) throw WrongType(path, name, "a string");
            return token.Value<string>();
        }

        private static PdConfigurationException Missing(string path, string name) =>
            PdConfigurationException.Invalid(path + "." + name, "the required field '" + name + "' is missing or empty.");

        private static PdConfigurationException WrongType(string path, string name, string expected) =>
            PdConfigurationException.Invalid(path + "." + name, "'" + name + "' must be " + expected + ".");
    }
}
