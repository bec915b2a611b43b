using System;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;

namespace PSPipedream.Connection
{
    /// <summary>
    /// Makes connections and checks their key. It sends only through the client it makes, reports
    /// each exchange to the trace sink it is given, and throws PdApiException; the cmdlets (through
    /// PdCmdletBase.OpenVerified) turn that into their ErrorRecords.
    /// </summary>
    internal static class PdConnector
    {
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
            catch (PdApiException ex) when (ex.StatusCode == 404 && PdBaseUri.Suggestion(connection.BaseUri) != null)
            {
                // The API lives under /v1; a root that lacks it (e.g. the emulator's printed root), or
                // another version, is the usual slip. Told here, where the base URI was given, rather
                // than refused before asking: a server at such a path may exist (a gateway).
                connection.Client.Dispose();
                throw ex.WithAdvice("Did you mean -BaseUri " + PdBaseUri.Suggestion(connection.BaseUri) + "?");
            }
            catch
            {
                connection.Client.Dispose();
                throw;
            }
        }
    }
}
