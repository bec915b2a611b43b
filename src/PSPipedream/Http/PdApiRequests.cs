using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>
    /// The API's write requests whose fields the reference spells out one by one, built once for
    /// the cmdlets (New-/Set-PdSource, New-PdWebhook, New-/Remove-PdSubscription) and the
    /// configuration importer, so both send the same thing.
    /// </summary>
    internal static class PdApiRequests
    {
        /// <summary>POST /webhooks?url=&amp;name=&amp;description= (null fields left out).</summary>
        public static PdRequest CreateWebhook(string url, string? name, string? description) =>
            PdRequest.Post("webhooks")
                .WithQuery("url", url)
                .WithQuery("name", name)
                .WithQuery("description", description);

        /// <summary>POST /subscriptions; an empty event name means the emitter's default events.</summary>
        public static PdRequest CreateSubscription(string emitterId, string listenerId, string? eventName, string? orgId) =>
            PdRequest.Post("subscriptions")
                .WithQuery("emitter_id", emitterId)
                .WithQuery("listener_id", listenerId)
                .WithQuery("event_name", string.IsNullOrEmpty(eventName) ? null : eventName)
                .WithQuery("org_id", orgId);

        /// <summary>DELETE /subscriptions; the event name is always sent, empty for the default events.</summary>
        public static PdRequest DeleteSubscription(string emitterId, string listenerId, string? eventName) =>
            PdRequest.Delete("subscriptions")
                .WithQuery("emitter_id", emitterId)
                .WithQuery("listener_id", listenerId)
                .WithQuery("event_name", eventName ?? string.Empty);
    
        /// <summary>POST /sources (in the org when given): the component, then the source's own fields.</summary>
        public static PdRequest CreateSource(JObject body, string? orgId) =>
            PdRequest.Post("sources").WithQuery("org_id", orgId).WithBody(body);

        /// <summary>
        /// The body of POST /sources and PUT /sources/{id}: only the fields given (null is left
        /// out, so an update never resets what it does not name); the props are copied.
        /// </summary>
        public static JObject SourceBody(string? componentId = null, string? componentCode = null, string? componentUrl = null,
            string? name = null, bool? active = null, JToken? props = null)
        {
            var body = new JObject();
            if (componentId != null) body["component_id"] = componentId;
            if (componentCode != null) body["component_code"] = componentCode;
            if (componentUrl != null) body["component_url"] = componentUrl;
            if (name != null) body["name"] = name;
            if (active.HasValue) body["active"] = active.Value;
            if (props != null) body["configured_props"] = props.DeepClone();
            return body;
        }
    }
}
