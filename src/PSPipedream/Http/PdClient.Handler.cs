using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace PSPipedream.Http
{
    /// <summary>The handler a connection sends through by default, and the TLS it needs on .NET Framework.</summary>
    internal sealed partial class PdClient
    {
        private static HttpMessageHandler CreateDefaultHandler(PdProxy proxy)
        {
            EnableTls12(IsNetFramework);
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // The API does not redirect; following one could carry the request somewhere unexpected.
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            proxy.ApplyTo(handler);
            return handler;
        }

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>
        /// On .NET Framework, HttpClient takes its TLS versions from ServicePointManager, which in
        /// Windows PowerShell 5.1 is often Ssl3|Tls only; api.pipedream.com needs TLS 1.2. Adds Tls12
        /// (keeping what is there); SystemDefault is left to the OS. Newer runtimes ignore the setting.
        /// </summary>
        internal static void EnableTls12(bool isNetFramework)
        {
            if (!isNetFramework) return;
            var current = ServicePointManager.SecurityProtocol;
            var wanted = WithTls12(current);
            if (wanted != current) ServicePointManager.SecurityProtocol = wanted;
        }

        internal static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            current == SystemDefaultProtocols ? current : current | SecurityProtocolType.Tls12;

        /// <summary>SecurityProtocolType.SystemDefault (.NET Framework 4.7+), which netstandard2.0 does not name.</summary>
        private const SecurityProtocolType SystemDefaultProtocols = 0;
    }
}
