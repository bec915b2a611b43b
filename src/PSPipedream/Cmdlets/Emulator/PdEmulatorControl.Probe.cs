using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>The readiness probe: a status only, since a starting emulator may not answer at all yet.</summary>
    internal sealed partial class PdEmulatorControl
    {
        /// <summary>
        /// The status of one GET of <paramref name="uri"/> (on this emulator's host) with the key as
        /// Bearer, or null when nothing answered in time. For waiting until the emulator is ready.
        /// </summary>
        public int? TryStatus(Uri uri, string key, CancellationToken ct)
        {
            if (!string.Equals(uri.GetLeftPart(UriPartial.Authority) + "/", RootUri.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("Not on this emulator's host.", nameof(uri));
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            try
            {
                return Exchange(HttpMethod.Get, uri.AbsoluteUri, request, ct).Status;
            }
            catch (PdApiException ex) when (ex.ErrorId == PdErrors.Timeout || ex.ErrorId == PdErrors.ConnectionFailed)
            {
                return null;
            }
        }
    }
}
