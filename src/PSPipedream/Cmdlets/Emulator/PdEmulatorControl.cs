using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The client of the emulator's control API (/_emulator/...). It only ever talks to a loopback
    /// host: any other root is refused before a request is made, so a script cannot reset or
    /// fault a real service by mistake.
    /// </summary>
    internal sealed class PdEmulatorControl : IDisposable
    {
        public const string NotLocal = PdErrors.EmulatorNotLocal;
        public const string ControlFailed = PdErrors.EmulatorControlFailed;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
        private readonly HttpClient _http;

        public Uri RootUri { get; }

        public PdEmulatorControl(Uri rootUri)
        {
            RootUri = CheckLocal(rootUri);
            // The emulator is on this machine: a system proxy ($env:HTTP_PROXY) could not reach it.
            _http = new HttpClient(new HttpClientHandler { UseProxy = false }) { BaseAddress = RootUri, Timeout = Timeout };
        }

        /// <summary>Throws PdEmulatorNotLocal unless the URI is absolute http(s) to a loopback host.</summary>
        public static Uri CheckLocal(Uri uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.IsLoopback)
            {
                throw new PdApiException(NotLocal, string.Format(CultureInfo.InvariantCulture,
                    "Refusing to send emulator control requests to '{0}': the emulator cmdlets only talk to a loopback host (localhost, 127.0.0.1, ::1).",
                    uri.OriginalString));
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        /// <summary>The control root for an API base URI such as http://127.0.0.1:5000/v1.</summary>
        public static Uri RootFor(Uri baseUri) => CheckLocal(new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/"));

        public JToken? Get(string path, CancellationToken ct) => Send(HttpMethod.Get, path, null, ct);

        public JToken? Post(string path, JToken? body, CancellationToken ct) => Send(HttpMethod.Post, path, body, ct);

        public JToken? Delete(string path, CancellationToken ct) => Send(HttpMethod.Delete, path, null, ct);

        /// <summary>Sends one control request and returns its JSON ("data" unwrapped), or null for 204.</summary>
        public JToken? Send(HttpMethod method, string path, JToken? body, CancellationToken ct)
        {
            var request = new HttpRequestMessage(method, "_emulator/" + path);
            if (body != null) request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try
            {
                response = _http.SendAsync(request, ct).GetAwaiter().GetResult();
            }
            catch (HttpRequestException ex)
            {
                throw new PdApiException(PdErrors.ConnectionFailed, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1}_emulator/{2} failed: the emulator could not be reached ({3}).", method, RootUri, path, ex.Message), innerException: ex);
            }
            using (response)
            {
                var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                var status = (int)response.StatusCode;
                if (status >= 400)
                {
                    string message = text;
                    try { message = (string?)JObject.Parse(text)["error"] ?? text; } catch (Newtonsoft.Json.JsonException) { }
                    throw new PdApiException(ControlFailed, string.Format(CultureInfo.InvariantCulture,
                        "{0} {1}_emulator/{2} -> {3}: {4}", method, RootUri, path, status, message));
                }
                if (string.IsNullOrWhiteSpace(text)) return null;
                // Dates stay text and numbers keep their digits, so a logged request body reads back as it was sent.
                JToken json;
                using (var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(text))
                {
                    DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
                    FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
                })
                {
                    json = JToken.ReadFrom(reader);
                }
                return json is JObject o && o.TryGetValue("data", out var data) ? data : json;
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
