using System;
using PSPipedream.Connection;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Opening a connection: Connect-PdAccount, Start-PdEmulator -Connect and the implicit
    /// connection from the environment all make it, and check its key at once, the same way.
    /// </summary>
    public abstract partial class PdCmdletBase
    {
        /// <summary>
        /// A new connection whose key was checked with GET /users/me, the check's lines written
        /// like any request's. <paramref name="configure"/> sets the timeout and retry settings
        /// before the check, so the check obeys them too. When anything fails the client is
        /// disposed; a failed check throws its PdApiException.
        /// </summary>
        private protected PdConnection OpenVerified(string apiKey, Uri baseUri, string? orgId, string keySource,
            PdProxy? proxy = null, Action<PdConnection>? configure = null)
        {
            var connection = PdConnector.Create(apiKey, baseUri, orgId, keySource, PdHost.PowerShellVersion(this), proxy);
            try
            {
                configure?.Invoke(connection);
            }
            catch
            {
                connection.Client.Dispose();
                throw;
            }
            return Traces.Wait(PdConnector.VerifyAsync(connection, Traces.Add, Traces.CaptureBodies, CancellationToken), CancellationToken);
        }
    }
}
