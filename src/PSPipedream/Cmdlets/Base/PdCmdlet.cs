using System;
using System.Management.Automation;
using System.Net.Http;
using PSPipedream.Connection;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of every API cmdlet: -Connection (else the current connection, else one made from
    /// environment variables), and on top of <see cref="PdCmdletBase"/> the sending with its
    /// -Verbose/-Debug lines (PdCmdlet.Send.cs), the fan-out of pipeline items (PdCmdlet.Dispatch.cs)
    /// and the writing of models (PdCmdlet.Output.cs). An uncaught PdApiException becomes a
    /// non-terminating error whose target is ErrorTarget.
    /// </summary>
    public abstract partial class PdCmdlet : PdCmdletBase
    {
        private PdConnection? _resolved;

        /// <summary>The connection to use instead of the current one (from Connect-PdAccount -PassThru).</summary>
        [Parameter(HelpMessage = "A connection from Connect-PdAccount -PassThru; defaults to the current connection.")]
        [ValidateNotNull]
        public PdConnection? Connection { get; set; }

        /// <summary>The connection for this call: -Connection, the current one, or one made from the environment.</summary>
        private protected PdConnection ResolveConnection()
        {
            if (_resolved != null) return _resolved;
            var connection = Connection ?? PdSession.Current;
            if (connection == null)
            {
                var key = PdEnvironment.ApiKey;
                if (key == null) ThrowTerminatingError(PdErrors.NotConnectedRecord());
                PdConnection fromEnvironment = null!;
                try
                {
                    fromEnvironment = OpenVerified(key!, PdEnvironment.BaseUri(), PdEnvironment.OrgId, "Environment");
                }
                catch (PdApiException ex)
                {
                    ThrowApiError(ex, null);
                }
                connection = PdSession.SetIfNone(fromEnvironment);
            }
            _resolved = connection;
            return connection!;
        }

        /// <summary>
        /// The URL <paramref name="request"/> would go to, found without sending anything: through
        /// the connection when there is one (-Connection or the current one), else through the base
        /// URI the environment names ($env:PIPEDREAM_BASE_URL, or the default, when
        /// $env:PIPEDREAM_API_KEY is set). For a -WhatIf/-Confirm target: connecting from the
        /// environment checks the key with GET /users/me, which -WhatIf must not send, so the
        /// connection is resolved only once the request is to be sent. Not connected and no key in
        /// the environment: the terminating PdNotConnected, as <see cref="ResolveConnection"/>.
        /// Throws PdApiException when the request cannot be built.
        /// </summary>
        private protected Uri PreviewUri(PdRequest request)
        {
            var connection = _resolved ?? Connection ?? PdSession.Current;
            if (connection != null) return connection.Client.BuildUri(request);
            if (PdEnvironment.ApiKey == null) ThrowTerminatingError(PdErrors.NotConnectedRecord());
            Uri baseUri;
            try
            {
                baseUri = PdEnvironment.BaseUri();
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, null);
                throw;
            }
            return PdClient.BuildUri(baseUri, request);
        }

        /// <summary>The base URI (ending in '/') requests would go to, found without sending anything; see <see cref="PreviewUri"/>.</summary>
        private protected Uri PreviewBaseUri() => PreviewUri(new PdRequest(HttpMethod.Get));
    }
}
