using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Connection
{
    /// <summary>
    /// Makes connections and checks their key, for Connect-PdAccount, Start-PdEmulator -Connect and
    /// the implicit connection from environment variables. It sends only through the client it
    /// makes, reports each exchange to the trace sink it is given, and throws PdApiException; the
    /// cmdlets turn that into their ErrorRecords.
    /// </summary>
    internal static class PdConnector
    {
        public const string ApiKeyVariable = "PIPEDREAM_API_KEY";
        public const string BaseUrlVariable = "PIPEDREAM_BASE_URL";
        public const string OrgIdVariable = "PIPEDREAM_ORG_ID";
        public const string DefaultBaseUri = "https://api.pipedream.com/v1";

        public static string? Env(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>
        /// Checks a base URI: absolute http(s) without user info, and http only to a loopback
        /// host, since the key would otherwise cross the network in clear. Throws PdApiException
        /// (PdInsecureBaseUri / PdInvalidArgument), whose message never shows the user info.
        /// </summary>
        public static Uri CheckBaseUri(Uri uri, string source)
        {
            if (uri.IsAbsoluteUri && uri.UserInfo.Length > 0)
            {
                // It would be shown by Get-PdContext and in every error, and the API takes no such credentials.
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) holds a user name or password before its host. The API takes only the key " +
                    "(-ApiKey, $env:{2} or the pd CLI's profile); remove the part before '@'.",
                    WithoutUserInfo(uri.OriginalString), source, ApiKeyVariable));
            }
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) is not an absolute http:// or https:// URI.", WithoutUserInfo(uri.OriginalString), source));
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                throw new PdApiException(PdErrors.InsecureBaseUri, string.Format(CultureInfo.InvariantCulture,
                    "Refusing the base URI '{0}' (from {1}): over http:// the API key would travel unencrypted. " +
                    "Use https://, or http:// only to a loopback address (localhost, 127.0.0.1, ::1).",
                    uri.GetLeftPart(UriPartial.Path), source));
            }
            return uri;
        }

        /// <summary>The base URI from $env:PIPEDREAM_BASE_URL, else the API's own; throws PdApiException for a bad one.</summary>
        public static Uri EnvironmentBaseUri()
        {
            var text = Env(BaseUrlVariable);
            return text == null ? new Uri(DefaultBaseUri) : ParseBaseUri(text, "$env:" + BaseUrlVariable);
        }

        public static Uri ParseBaseUri(string text, string source)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) is not an absolute URI.", WithoutUserInfo(text), source));
            }
            return CheckBaseUri(uri, source);
        }

        /// <summary>
        /// An address as given, for messages and error targets, with anything before its last '@'
        /// (after the scheme) shown as ****, so a password typed into it is never printed, even
        /// when the address is too broken to parse.
        /// </summary>
        public static string? WithoutUserInfo(string? address)
        {
            if (address == null) return null;
            var at = address.LastIndexOf('@');
            if (at < 0) return address;
            var scheme = address.IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            return address.Substring(0, start) + "****" + address.Substring(at);
        }

        /// <summary>
        /// Checks a -Proxy address: absolute, a scheme .NET can use for a proxy, and no user info
        /// (credentials go in -ProxyCredential, where they are not shown). Returns the problem, or null.
        /// </summary>
        public static string? CheckProxyUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
                return "'" + WithoutUserInfo(uri.OriginalString) + "' is not an absolute URI such as http://proxy.example.com:3128.";
            if (uri.UserInfo.Length > 0)
                return "'" + WithoutUserInfo(uri.OriginalString) + "' holds a user name or password: give them with -ProxyCredential instead.";
            switch (uri.Scheme)
            {
                case "http":
                case "https":
                case "socks4":
                case "socks4a":
                case "socks5":
                    return null;
            }
            return "'" + WithoutUserInfo(uri.OriginalString) + "' is not an http://, https://, socks4://, socks4a:// or socks5:// address.";
        }

        /// <summary>
        /// A connection not checked yet: its client (through <paramref name="proxy"/>, by default the
        /// system proxy) and what is known before the key is checked. Set its timeout and retry
        /// settings before <see cref="VerifyAsync"/>, so the check obeys them too.
        /// </summary>
        public static PdConnection Create(string apiKey, Uri baseUri, string? orgId, string keySource, string? powerShellVersion,
            PdProxy? proxy = null)
        {
            var client = new PdClient(baseUri, apiKey, powerShellVersion, proxy ?? PdProxy.System(null));
            return new PdConnection(client, orgId, keySource, PdConnection.HintFor(apiKey));
        }

        /// <summary>
        /// Checks the key of a connection from <see cref="Create"/> with GET /users/me and fills in
        /// the user. Each exchange is reported to <paramref name="trace"/> (with its bodies when
        /// <paramref name="captureBodies"/>). When the check fails the client is disposed and the
        /// PdApiException thrown.
        /// </summary>
        public static async Task<PdConnection> VerifyAsync(PdConnection connection, Action<PdTrace>? trace, bool captureBodies,
            CancellationToken cancellationToken)
        {
            var check = PdRequest.Get("users", "me");
            check.Trace = trace;
            check.CaptureBodies = captureBodies;
            try
            {
                var user = await connection.Client.SendAsync<User>(check, cancellationToken).ConfigureAwait(false);
                connection.UserId = user?.Id;
                connection.Username = user?.Username;
                connection.ConnectedAt = DateTime.UtcNow;
                return connection;
            }
            catch (PdApiException ex) when (ex.StatusCode == 404 && connection.BaseUri.AbsolutePath == "/")
            {
                // The API lives under /v1; a root that lacks it is the usual slip (e.g. the emulator's printed root).
                connection.Client.Dispose();
                throw ex.WithAdvice("Did you mean -BaseUri " + connection.BaseUri.GetLeftPart(UriPartial.Authority) + "/v1?");
            }
            catch
            {
                connection.Client.Dispose();
                throw;
            }
        }

        /// <summary>
        /// A connection from PIPEDREAM_API_KEY (+ _BASE_URL, _ORG_ID), not checked yet, or null when
        /// the key variable is not set. Throws PdApiException for a base URL it cannot use.
        /// </summary>
        public static PdConnection? FromEnvironment(string? powerShellVersion)
        {
            var key = Env(ApiKeyVariable);
            return key == null ? null : Create(key, EnvironmentBaseUri(), Env(OrgIdVariable), "Environment", powerShellVersion);
        }
    }
}
