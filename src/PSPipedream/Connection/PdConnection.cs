using System;
using System.Globalization;
using System.Management.Automation;
using Newtonsoft.Json;
using PSPipedream.Http;

namespace PSPipedream
{
    /// <summary>
    /// A connection to the API: where, as whom, and with which key source. Scripts only ever see
    /// one whose key was checked (the user fields are filled in then); Connect-PdAccount -PassThru
    /// writes it and every API cmdlet takes one through -Connection. The key itself is held only
    /// by the client inside and is never shown.
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

        /// <summary>
        /// The proxy that requests to <see cref="BaseUri"/> go through (scheme, host and port; never
        /// user info or a password), or null when they go straight to the API: -NoProxy, no system
        /// proxy, or a loopback base URI, which the system proxy never carries.
        /// </summary>
        public Uri? Proxy => Client.ProxyFor(Client.BaseUri);

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

        /// <summary>
        /// Time allowed for each attempt of a request made through this connection (default 60 s,
        /// at most an hour). Hidden from PowerShell's member lists ([Hidden]: Export-Csv,
        /// Format-List *, Get-Member) and from ConvertTo-Json ([JsonIgnore], which it reads when it
        /// reflects over a .NET object), so exports carry <see cref="TimeoutSeconds"/> instead of
        /// the TimeSpan's fifteen fields; scripts can still read and set it.
        /// </summary>
        [Hidden]
        [JsonIgnore]
        public TimeSpan Timeout
        {
            get => Client.Timeout;
            set => Client.Timeout = value;
        }

        /// <summary><see cref="Timeout"/> in whole seconds, 1 to 3600 (Connect-PdAccount -TimeoutSeconds).</summary>
        public int TimeoutSeconds
        {
            get => (int)Math.Ceiling(Client.Timeout.TotalSeconds);
            set
            {
                if (value < 1 || value > (int)PdClient.MaxTimeout.TotalSeconds)
                    throw new ArgumentOutOfRangeException(nameof(TimeoutSeconds), value, "TimeoutSeconds must be from 1 to 3600.");
                Client.Timeout = TimeSpan.FromSeconds(value);
            }
        }

        /// <summary>How often a failed request is sent again, 0 to 10 (default 3; 0 turns retrying off).</summary>
        public int MaxRetries
        {
            get => Client.Retry.MaxRetries;
            set => Client.Retry.MaxRetries = value;
        }

        /// <summary>The most one request waits between its attempts, in all, 0 to 3600 seconds (default 60).</summary>
        public int MaxRetryWaitSeconds
        {
            get => Client.Retry.MaxRetryWaitSeconds;
            set => Client.Retry.MaxRetryWaitSeconds = value;
        }

        /// <summary>
        /// The most a successful answer's body may hold, decompressed, in MB: 1 to 1024 (default 32).
        /// A larger one fails with PdInvalidResponse instead of filling the session's memory.
        /// </summary>
        public int MaxResponseSizeMB
        {
            get => (int)(Client.MaxResponseBytes / (1024 * 1024));
            set
            {
                if (value < 1 || value > PdClient.MaxResponseBytesLimit / (1024 * 1024))
                    throw new ArgumentOutOfRangeException(nameof(MaxResponseSizeMB), value, "MaxResponseSizeMB must be from 1 to 1024.");
                Client.MaxResponseBytes = value * 1024L * 1024;
            }
        }

        internal static string HintFor(string apiKey) =>
            apiKey.Length <= 4 ? "****" : "****" + apiKey.Substring(apiKey.Length - 4);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}) at {2}",
            Username ?? "?", UserId ?? "?", BaseUri.AbsoluteUri);
    }
}
