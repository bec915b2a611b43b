namespace PSPipedream.Configuration
{
    /// <summary>The document's JSON keys: snake_case throughout, like the API.</summary>
    internal static class ConfigNames
    {
        public const string FormatVersion = "format_version";
        public const string Owner = "owner";
        public const string Sources = "sources";
        public const string Subscriptions = "subscriptions";
        public const string Webhooks = "webhooks";
        public const string Components = "components";
        public const string Name = "name";
        public const string Active = "active";
        public const string Component = "component";
        public const string Props = "props";
        public const string Id = "id";
        public const string Key = "key";
        public const string Version = "version";
        public const string CodeHash = "code_hash";
        public const string Code = "code";
        public const string Url = "url";
        public const string Description = "description";
        public const string Emitter = "emitter";
        public const string Listener = "listener";
        public const string EventName = "event_name";
        public const string SourceEnd = "source";
        public const string WebhookEnd = "webhook";

        /// <summary>Placeholder keys: {"$secret": "source.prop"} and {"$app": "github"}.</summary>
        public const string SecretPlaceholder = "$secret";
        public const string AppPlaceholder = "$app";
    }
}
