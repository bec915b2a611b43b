using System;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// Writes a document so that it diffs well in git: keys in a fixed order (props sorted
    /// ordinally), arrays sorted by name, two-space indentation, LF newlines and a final newline.
    /// The same data always gives the same bytes.
    /// </summary>
    internal static class ConfigWriter
    {
        /// <summary>UTF-8 without a byte order mark, on every platform.</summary>
        public static readonly Encoding FileEncoding = new UTF8Encoding(false);

        public static string Write(ConfigDocument document)
        {
            using (var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                using (var writer = new JsonTextWriter(text) { CloseOutput = false, Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ' })
                {
                    ToJson(document).WriteTo(writer);
                }
                text.Write('\n');
                return text.ToString();
            }
        }

        public static byte[] WriteBytes(ConfigDocument document) => FileEncoding.GetBytes(Write(document));

        public static JObject ToJson(ConfigDocument document) => new JObject(
            new JProperty(ConfigNames.FormatVersion, document.FormatVersion),
            new JProperty(ConfigNames.Owner, document.Owner),
            new JProperty(ConfigNames.Sources, new JArray(ConfigOrder.Sources(document.Sources).Select(Source))),
            new JProperty(ConfigNames.Subscriptions, new JArray(ConfigOrder.Subscriptions(document.Subscriptions).Select(Subscription))),
            new JProperty(ConfigNames.Webhooks, new JArray(ConfigOrder.Webhooks(document.Webhooks).Select(Webhook))),
            new JProperty(ConfigNames.Components, new JArray(ConfigOrder.Components(document.Components).Select(Component))));

        private static JObject Source(ConfigSource source) => new JObject(
            new JProperty(ConfigNames.Name, source.Name),
            new JProperty(ConfigNames.Active, source.Active),
            new JProperty(ConfigNames.Component, new JObject(
                new JProperty(ConfigNames.Id, source.Component.Id),
                new JProperty(ConfigNames.Key, source.Component.Key),
                new JProperty(ConfigNames.Version, source.Component.Version),
                new JProperty(ConfigNames.CodeHash, source.Component.CodeHash))),
            new JProperty(ConfigNames.Props, Sorted(source.Props)));

        private static JObject Subscription(ConfigSubscription subscription) => new JObject(
            new JProperty(ConfigNames.Emitter, End(subscription.Emitter)),
            new JProperty(ConfigNames.Listener, End(subscription.Listener)),
            new JProperty(ConfigNames.EventName, subscription.EventName));

        public static JToken End(ConfigEnd end)
        {
            switch (end.Kind)
            {
                case ConfigEndKind.Source: return new JObject(new JProperty(ConfigNames.SourceEnd, end.Value));
                case ConfigEndKind.Webhook: return new JObject(new JProperty(ConfigNames.WebhookEnd, end.Value));
                default: return new JValue(end.Value);
            }
        }

        private static JObject Webhook(ConfigWebhook webhook) => new JObject(
            new JProperty(ConfigNames.Name, webhook.Name),
            new JProperty(ConfigNames.Url, webhook.Url),
            new JProperty(ConfigNames.Description, webhook.Description));

        private static JObject Component(ConfigComponent component) => new JObject(
            new JProperty(ConfigNames.CodeHash, component.CodeHash),
            new JProperty(ConfigNames.Key, component.Key),
            new JProperty(ConfigNames.Version, component.Version),
            new JProperty(ConfigNames.Code, component.Code));

        /// <summary>A copy of free-form data with every object's keys in ordinal order, so the API's key order cannot reach the file.</summary>
        public static JToken Sorted(JToken token)
        {
            switch (token)
            {
                case JObject obj:
                    return new JObject(obj.Properties()
                        .OrderBy(p => p.Name, StringComparer.Ordinal)
                        .Select(p => new JProperty(p.Name, Sorted(p.Value))));
                case JArray array:
                    return new JArray(array.Select(Sorted));
                default:
                    return token.DeepClone();
            }
        }
    }
}
