using System;
using System.Net;
using System.Net.Http;
using PSPipedream.Errors;

namespace PSPipedream.Http
{
    /// <summary>The proxy a connection goes through, and how its failures are told.</summary>
    internal sealed partial class PdClient
    {
        /// <summary>What requests go through (<see cref="PdProxy.None"/> when the caller gave its own handler).</summary>
        internal PdProxy Proxy { get; }

        /// <summary>The proxy that requests to <paramref name="uri"/> go through (scheme, host and port), or null for none.</summary>
        internal Uri? ProxyFor(Uri uri) => Proxy.AddressFor(uri);

        /// <summary>
        /// " through the proxy http://host:port" for a failure that may lie with the proxy: no
        /// answer at all, the proxy asking for credentials, or a gateway error. Empty otherwise,
        /// and when the request went straight to the host.
        /// </summary>
        private string ThroughProxy(Uri uri, PdAttempt result)
        {
            var mayBeTheProxy = !result.Status.HasValue || result.ErrorId == PdErrors.ProxyAuthenticationRequired ||
                                result.Status == 502 || result.Status == 504;
            var proxy = mayBeTheProxy ? ProxyFor(uri) : null;
            return proxy == null ? string.Empty : " through the proxy " + PdProxy.Shown(proxy);
        }

        /// <summary>What to do about a proxy that wants credentials, or null for any other failure.</summary>
        private string? ProxyAdvice(PdAttempt result)
        {
            if (result.ErrorId != PdErrors.ProxyAuthenticationRequired) return null;
            return Proxy.Credentials == null
                ? "The proxy asks for credentials: give them with Connect-PdAccount -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials for your own sign-in."
                : "The proxy did not accept the credentials given: check the user name and password of Connect-PdAccount -ProxyCredential.";
        }

        /// <summary>
        /// The status with which a proxy refused to open a tunnel (CONNECT, for every https://
        /// request) when it wants credentials, or null. .NET 5 and later carry it as
        /// HttpRequestException.StatusCode, which netstandard2.0 does not name; .NET 8 and later
        /// also say that the tunnel failed (HttpRequestError.ProxyTunnelError), so a status from
        /// elsewhere is not taken for the proxy's.
        /// </summary>
        private static int? ProxyCredentialRefusal(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (!(e is HttpRequestException)) continue;
                var type = e.GetType();
                var error = type.GetProperty("HttpRequestError")?.GetValue(e);
                if (error != null && error.ToString() != "ProxyTunnelError") continue;
                if (type.GetProperty("StatusCode")?.GetValue(e) is HttpStatusCode code &&
                    (code == HttpStatusCode.ProxyAuthenticationRequired || code == HttpStatusCode.Unauthorized))
                    return (int)code;
            }
            return null;
        }

        /// <summary>Fills in an attempt whose tunnel the proxy refused for want of credentials: not retried, PdProxyAuthenticationRequired.</summary>
        private static void ProxyRefused(PdAttempt result, int status)
        {
            result.Kind = PdFailureKind.Status;
            result.Status = status;
            result.Reason = status == 407 ? "Proxy Authentication Required" : "Unauthorized";
            result.ErrorId = PdErrors.ProxyAuthenticationRequired;
            result.Outcome = null;
        }
    }
}
