using System;
using System.Globalization;
using PSPipedream.Http;

namespace PSPipedream
{
    /// <summary>
    /// A verified connection to the API: where, as whom, and with which key source. Every API
    /// cmdlet takes one through -Connection; Connect-PdAccount -PassThru writes it. The key itself
    /// is held only by the client inside and is never shown.
    /// </summary>
    public sealed class PdConnection
    {
        internal PdConnection(PdClient client, string? orgId, string keySource, string apiKeyHint)
        {
            Client = client;
            OrgId = orgId;
            KeySource = keySource;
            ApiKeyHint = apiKeyHint;
        }

        internal PdClient Client { get; }

        /// <summary>The API root, e.g. https://api.pipedream.com/v1/.</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>The default org for org-scoped lists (Get-PdSource), or null.</summary>
        public string? OrgId { get; internal set; }

        public string? UserId { get; internal set; }

        public string? Username { get; internal set; }

        /// <summary>Parameter, Environment, or Profile:&lt;name&gt;.</summary>
        public string KeySource { get; }

        /// <summary>The last four characters of the key, e.g. ****1f2e.</summary>
        public string ApiKeyHint { get; }

        /// <summary>When the key was checked (GET /users/me), UTC.</summary>
        public DateTime ConnectedAt { get; internal set; } = DateTime.UtcNow;

        /// <summary>Time allowed for each request made through this connection (default 60 s).</summary>
        public TimeSpan Timeout
        {
            get => Client.Timeout;
            set => Client.Timeout = value;
        }

        internal static string HintFor(string apiKey) =>
            apiKey.Length <= 4 ? "****" : "****" + apiKey.Substring(apiKey.Length - 4);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}) at {2}",
            Username ?? "?", UserId ?? "?", BaseUri.AbsoluteUri);
    }
}
