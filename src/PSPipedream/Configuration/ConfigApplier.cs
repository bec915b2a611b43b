using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The requests an import sends, one per plan step, with the ids the steps before it made.
    /// Requests are built the way New-PdSource, Set-PdSource, New-PdSubscription, New-PdWebhook
    /// and the Remove- cmdlets build them, so the API sees the same calls either way.
    /// </summary>
    internal sealed class ConfigApplier
    {
        private readonly ConfigSnapshot _live;
        private readonly ConfigSecrets _secrets;
        private readonly string? _orgId;
        private readonly IDictionary<string, JObject> _liveProps;

        /// <summary>Ids made by this import: "source:name", "webhook:name", and component ids by code hash.</summary>
        private readonly Dictionary<string, string> _made = new Dictionary<string, string>(StringComparer.Ordinal);

        public ConfigApplier(ConfigSnapshot live, ConfigSecrets secrets, string? orgId, IDictionary<string, JObject> liveProps)
        {
            _live = live;
            _secrets = secrets;
            _orgId = orgId;
            _liveProps = liveProps;
        }

        /// <summary>The live sources' props with their real values, by id: an update keeps what a placeholder stands for.</summary>
        public static IDictionary<string, JObject> PropsOf(IEnumerable<Source> sources)
        {
            var props = new Dictionary<string, JObject>(StringComparer.Ordinal);
            foreach (var source in sources.Where(s => s.Id != null))
            {
                var json = source.ConfiguredProps as JToken;
                if (json == null) PdFreeForm.TryToJson(source.ConfiguredProps, "ConfiguredProps", out json, out _);
                if (json is JObject obj && !props.ContainsKey(source.Id!)) props.Add(source.Id!, obj);
            }
            return props;
        }

        public void Made(string key, string? id)
        {
            if (id != null) _made[key] = id;
        }

        public PdRequest CreateWebhook(ConfigWebhook webhook)
        {
            var request = PdApiRequests.CreateWebhook(webhook.Url, webhook.Name, webhook.Description);
            request.IfUncertain = "Check with Get-PdWebhook -All | Where-Object Name -eq " + PdText.Literal(webhook.Name) + " before importing again.";
            return request;
        }

        public PdRequest CreateComponent(ConfigComponent component)
        {
            var request = PdRequest.Post("components").WithBody(new JObject { ["component_code"] = component.Code });
            request.IfUncertain = "Saving it again may leave two copies of the component.";
            return request;
        }

        /// <summary>Null with the reason when no component the API can deploy is known for the source.</summary>
        public PdRequest? CreateSource(ConfigSource source, out string? problem)
        {
            problem = ComponentId(source.Component, out var componentId);
            if (problem != null) return null;
            var body = PdApiRequests.SourceBody(componentId, name: source.Name, active: source.Active, props: _secrets.Fill(source.Props, null));
            var request = PdApiRequests.CreateSource(body, _orgId);
            request.IfUncertain = "Check with Get-PdSource -Name " + PdText.Literal(source.Name, wildcard: true) +
                                  (_orgId != null ? " -OrgId " + _orgId : string.Empty) + " before importing again.";
            return request;
        }

        /// <summary>PUT with what differs; a placeholder without a -Secret value keeps the live value.</summary>
        public PdRequest? UpdateSource(ConfigurationChange change, ConfigSource source, out string? problem)
        {
            var id = change.Id ?? throw new InvalidOperationException("An update needs the live id.");
            string? componentId = null;
            problem = change.Changes.Any(c => c.Property == ConfigNames.Component) ? ComponentId(source.Component, out componentId) : null;
            if (problem != null) return null;
            var active = change.Changes.Any(c => c.Property == ConfigNames.Active) ? source.Active : null;
            var props = change.Changes.Any(c => c.Property.StartsWith(ConfigNames.Props + ".", StringComparison.Ordinal))
                ? _secrets.Fill(source.Props, _liveProps.TryGetValue(id, out var live) ? live : new JObject())
                : null;
            return PdRequest.Put("sources", id).WithBody(PdApiRequests.SourceBody(componentId, active: active, props: props));
        }

        /// <summary>Null with the reason when an end's id is not known (its item was not created).</summary>
        public PdRequest? CreateSubscription(ConfigSubscription subscription, out string? missing)
        {
            var emitter = Resolve(subscription.Emitter);
            var listener = Resolve(subscription.Listener);
            missing = emitter == null ? subscription.Emitter.Display : listener == null ? subscription.Listener.Display : null;
            return missing != null ? null : NewSubscription(emitter!, listener!, subscription.EventName);
        }

        public PdRequest NewSubscription(string emitterId, string listenerId, string? eventName)
        {
            var request = PdApiRequests.CreateSubscription(emitterId, listenerId, eventName, _orgId);
            request.IfUncertain = "Check with Get-PdSubscription -EmitterId '" + PdText.Printable(emitterId) + "' -ListenerId '" +
                                  PdText.Printable(listenerId) + "' before importing again.";
            return request;
        }

        /// <summary>A live subscription's delete, by its live ends.</summary>
        public PdRequest? RemoveSubscription(ConfigSubscription subscription)
        {
            var emitter = LiveId(subscription.Emitter);
            var listener = LiveId(subscription.Listener);
            if (emitter == null || listener == null) return null;
            return PdApiRequests.DeleteSubscription(emitter, listener, subscription.EventName);
        }

        public PdRequest Remove(ConfigurationChange change) =>
            PdRequest.Delete(change.Kind == ConfigurationKind.Source ? "sources" : "webhooks", change.Id ?? string.Empty);

        /// <summary>
        /// What a Replace does, said plainly in its prompt and What-if line: the old webhook is deleted
        /// even without -Prune, because it is the same webhook, changed the only way the API allows.
        /// </summary>
        public string ReplaceAction(string webhookName)
        {
            var moved = SubscriptionsOf(webhookName).Count();
            return "Replace webhook: creates the new webhook, moves " + moved.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                   (moved == 1 ? " subscription" : " subscriptions") + " to it, deletes the old one";
        }

        /// <summary>The live subscriptions with the named webhook at either end, to move on a Replace.</summary>
        public IEnumerable<ConfigSubscription> SubscriptionsOf(string webhookName) =>
            _live.Document.Subscriptions.Where(s => IsWebhook(s.Emitter, webhookName) || IsWebhook(s.Listener, webhookName));

        /// <summary>The id an end has now: made by this import, else the live one.</summary>
        public string? Resolve(ConfigEnd end) =>
            end.Kind == ConfigEndKind.Id ? end.Value : _made.TryGetValue(end.Display, out var id) ? id : LiveId(end);

        public string? LiveId(ConfigEnd end) => end.Kind switch
        {
            ConfigEndKind.Source => _live.Ids.SourceId(end.Value),
            ConfigEndKind.Webhook => _live.Ids.WebhookId(end.Value),
            _ => end.Value,
        };

        private static bool IsWebhook(ConfigEnd end, string name) => end.Kind == ConfigEndKind.Webhook && end.Value == name;

        /// <summary>
        /// The component id to deploy: the one saved by this import or held by the account (by code
        /// hash), else the one its key was looked up to, else the id the file names. Returns null
        /// when one was found; else why not.
        /// </summary>
        private string? ComponentId(ConfigComponentRef component, out string? id)
        {
            var hash = component.CodeHash;
            id = null;
            if (hash != null && _made.TryGetValue("component:" + hash, out var made)) id = made;
            else if (hash != null && _live.Ids.Components.TryGetValue(hash, out var held)) id = held;
            else if (component.Key != null && _made.TryGetValue("key:" + component.Key, out var found)) id = found;
            else if (component.Key == null) id = component.Id;
            if (id != null) return null;
            return component.Key != null
                ? "component '" + PdText.Printable(component.Key) + "' was not looked up."
                : "the file gives no code, key or id for its component, and the account holds none with code_hash " + PdText.Printable(hash ?? string.Empty) + ".";
        }
    }
}
