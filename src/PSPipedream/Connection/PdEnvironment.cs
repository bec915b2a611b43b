using System;

namespace PSPipedream.Connection
{
    /// <summary>
    /// The PIPEDREAM_* environment variables, the pd CLI's own names, so a shell set up for the
    /// CLI works here unchanged. A blank variable counts as unset, and values are trimmed, since
    /// they are often pasted.
    /// </summary>
    internal static class PdEnvironment
    {
        public const string ApiKeyVariable = "PIPEDREAM_API_KEY";
        public const string BaseUrlVariable = "PIPEDREAM_BASE_URL";
        public const string OrgIdVariable = "PIPEDREAM_ORG_ID";

        public static string? ApiKey => Get(ApiKeyVariable);

        public static string? OrgId => Get(OrgIdVariable);

        /// <summary>$env:PIPEDREAM_BASE_URL as given, unchecked (for an error's target).</summary>
        public static string? BaseUrl => Get(BaseUrlVariable);

        /// <summary>The base URI from $env:PIPEDREAM_BASE_URL, else the API's own; throws PdApiException for a bad one.</summary>
        public static Uri BaseUri()
        {
            var text = BaseUrl;
            return text == null ? new Uri(PdBaseUri.Default) : PdBaseUri.Parse(text, "$env:" + BaseUrlVariable);
        }

        private static string? Get(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
