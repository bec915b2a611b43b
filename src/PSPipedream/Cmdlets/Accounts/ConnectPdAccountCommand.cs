using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Security;
using PSPipedream.Connection;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Connects to the Pipedream API and makes the connection current for the process. The key
    /// comes from -ApiKey, else $env:PIPEDREAM_API_KEY, else the pd CLI's config profile; it is
    /// checked at once with GET /users/me.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PdAccount", DefaultParameterSetName = ProxySet)]
    [OutputType(typeof(PdConnection))]
    public sealed class ConnectPdAccountCommand : PdCmdletBase
    {
        private const string ProxySet = "Proxy";
        private const string NoProxySet = "NoProxy";

        [Parameter(Position = 0, HelpMessage = "Your Pipedream API key: a SecureString (Read-Host -AsSecureString) or plain text. Default: $env:PIPEDREAM_API_KEY, then the pd CLI's profile.")]
        [ValidateNotNull]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        [Parameter(HelpMessage = "Default org (o_...), where sources and subscriptions are listed and created. Default: $env:PIPEDREAM_ORG_ID, then the profile's org_id.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        [Parameter(HelpMessage = "API root. Default: $env:PIPEDREAM_BASE_URL, then https://api.pipedream.com/v1. http:// only to loopback.")]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(HelpMessage = "Section of the pd CLI's config file ($XDG_CONFIG_HOME/pipedream/config or ~/.config/pipedream/config). Default: default.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter(HelpMessage = "How often a failed request is sent again (408, 429, 5xx, network failures, timeouts), 0 to 10. Default: 3. 0 turns retrying off.")]
        [ValidateRange(0, PdRetryPolicy.MaxRetriesLimit)]
        public int MaxRetries { get; set; } = PdRetryPolicy.DefaultMaxRetries;

        [Parameter(HelpMessage = "The most one request waits between its attempts, in all, 0 to 3600 seconds. Default: 60. A server that asks for a longer Retry-After gets an error at once.")]
        [ValidateRange(0, PdRetryPolicy.MaxRetryWaitSecondsLimit)]
        public int MaxRetryWaitSeconds { get; set; } = PdRetryPolicy.DefaultMaxRetryWaitSeconds;

        [Parameter(HelpMessage = "Time allowed for each attempt of a request, 1 to 3600 seconds. Default: 60.")]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = (int)PdClient.DefaultTimeout.TotalSeconds;

        [Parameter(ParameterSetName = ProxySet, HelpMessage = "Proxy for every request, loopback included, e.g. http://proxy.example.com:3128. Default: the system proxy ($env:HTTPS_PROXY, $env:HTTP_PROXY, $env:NO_PROXY or the Windows settings), never used for loopback.")]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter(ParameterSetName = ProxySet, HelpMessage = "User name and password for the proxy (-Proxy, else the system proxy), sent when it asks for them (407).")]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter(ParameterSetName = ProxySet, HelpMessage = "Sign in to the proxy (-Proxy, else the system proxy) as the current user (Negotiate, NTLM or Kerberos).")]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NoProxySet, HelpMessage = "Send every request straight to its host, ignoring the system proxy and $env:HTTPS_PROXY / $env:HTTP_PROXY.")]
        public SwitchParameter NoProxy { get; set; }

        [Parameter(HelpMessage = "Write the connection object, for -Connection on other cmdlets.")]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessPdRecord()
        {
            if (OrgId != null) Check(nameof(OrgId), PdValidation.CheckId(OrgId, "o_"), OrgId, terminating: true);
            var proxy = ChooseProxy();

            var profileName = ProfileName ?? PdProfileFile.DefaultProfileName;
            var profilePath = PdProfileFile.DefaultPath();
            PdProfile? profile = null;
            string apiKey;
            string keySource;

            if (ApiKey != null)
            {
                // A pasted key often carries a space or line break; keys themselves never do.
                apiKey = new NetworkCredential(string.Empty, ApiKey).Password.Trim();
                keySource = "Parameter";
                if (apiKey.Length == 0)
                {
                    ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, "-ApiKey is empty.", null));
                }
                if (ProfileName != null) profile = PdProfileFile.Read(profilePath, profileName);
            }
            else if (ProfileName == null && PdEnvironment.ApiKey != null)
            {
                apiKey = PdEnvironment.ApiKey!;
                keySource = "Environment";
            }
            else
            {
                profile = PdProfileFile.Read(profilePath, profileName);
                if (profile == null)
                {
                    if (ProfileName != null)
                    {
                        var why = File.Exists(profilePath)
                            ? string.Format(CultureInfo.InvariantCulture, "The profile [{0}] is not in '{1}'.", profileName, profilePath)
                            : string.Format(CultureInfo.InvariantCulture, "The profile [{0}] was asked for, but '{1}' does not exist.", profileName, profilePath);
                        ThrowTerminatingError(PdErrors.Create(PdErrors.ProfileNotFound, why, profileName));
                    }
                    ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, string.Format(CultureInfo.InvariantCulture,
                        "No API key found. Pass -ApiKey (Read-Host -AsSecureString), set $env:{0}, or put api_key in the [{1}] section of '{2}' (the pd CLI's config).",
                        PdEnvironment.ApiKeyVariable, profileName, profilePath), null));
                }
                if (profile!.ApiKey == null)
                {
                    ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, string.Format(CultureInfo.InvariantCulture,
                        "The profile [{0}] in '{1}' has no api_key.", profileName, profilePath), profileName));
                }
                apiKey = profile.ApiKey!;
                keySource = "Profile:" + profile.Name;
            }

            Uri baseUri;
            try
            {
                baseUri = BaseUri != null ? PdBaseUri.Check(BaseUri, "-BaseUri") : PdEnvironment.BaseUri();
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, PdAddress.WithoutUserInfo(BaseUri?.OriginalString ?? PdEnvironment.BaseUrl));
                return;
            }

            var orgId = OrgId ?? PdEnvironment.OrgId ?? profile?.OrgId;

            PdConnection connection;
            try
            {
                connection = OpenVerified(apiKey, baseUri, orgId, keySource, proxy, c =>
                {
                    c.MaxRetries = MaxRetries;
                    c.MaxRetryWaitSeconds = MaxRetryWaitSeconds;
                    c.TimeoutSeconds = TimeoutSeconds;
                });
            }
            catch (PdApiException ex)
            {
                // A bad key or an unreachable API is a setup failure: stop here, not later with an empty list.
                ThrowApiError(ex, baseUri.AbsoluteUri);
                return;
            }

            PdSession.Current = connection;
            WriteVerboseLine(string.Format(CultureInfo.InvariantCulture, "Connected as {0} ({1}) at {2}{3}; key from {4}.",
                connection.Username, connection.UserId, connection.BaseUri.AbsoluteUri,
                connection.Proxy == null ? string.Empty : " through the proxy " + PdProxy.Shown(connection.Proxy), connection.KeySource));
            if (PassThru) WriteObject(connection);
        }

        /// <summary>
        /// The proxy from -NoProxy, -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials,
        /// checked before any request. Without -Proxy the credentials are for the system proxy.
        /// </summary>
        private PdProxy ChooseProxy()
        {
            if (NoProxy) return PdProxy.None;
            if (ProxyCredential != null && ProxyUseDefaultCredentials)
            {
                Reject(nameof(ProxyUseDefaultCredentials),
                    "-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together: give one way to sign in to the proxy.", null, terminating: true);
            }
            ICredentials? credentials = ProxyCredential?.GetNetworkCredential();
            if (ProxyUseDefaultCredentials) credentials = CredentialCache.DefaultCredentials;
            if (Proxy == null) return PdProxy.System(credentials);

            Check(nameof(Proxy), PdValidation.CheckProxyUri(Proxy), PdAddress.WithoutUserInfo(Proxy.OriginalString), terminating: true);
            return PdProxy.Explicit(Proxy, credentials);
        }
    }
}
