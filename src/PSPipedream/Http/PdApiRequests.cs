namespace PSPipedream.Http
{
    /// <summary>
    /// The API's write requests whose query the reference spells out field by field, built once for
    /// the cmdlets (New-PdWebhook, New-/Remove-PdSubscription) and the configuration importer, so
    /// both send the same thing.
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
    }
}
