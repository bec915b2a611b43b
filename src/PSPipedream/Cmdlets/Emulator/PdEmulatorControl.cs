using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The client of the emulator's control API (/_emulator/...). It only ever talks to a loopback
    /// host: any other root is refused before a request is made, so a script cannot reset or
    /// fault a real service by mistake. For the same reason it follows no redirect and uses no
    /// proxy: either would carry a request meant for this machine somewhere else.
    /// </summary>
    internal sealed partial class PdEmulatorControl : IDisposable
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
        private readonly HttpClient _http;

        public Uri RootUri { get; }

        /// <summary>Time allowed for each control request, answer included. Exceeding it gives PdTimeout.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Sent as Authorization: Bearer on every control request when set (the emulator shows keys only to a caller that has one).</summary>
        public string? ApiKey { get; set; }

        public PdEmulatorControl(Uri rootUri, TimeSpan? timeout = null)
        {
            RootUri = CheckLocal(rootUri);
            Timeout = timeout ?? DefaultTimeout;
            if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout));
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                // HTTP_PROXY and the system proxy apply to loopback too; a proxy would see (and could
                // answer) every control request.
                UseProxy = false,
                Proxy = null,
                UseCookies = false,
            };
            _http = new HttpClient(handler) { BaseAddress = RootUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>Throws PdEmulatorNotLocal unless the URI is absolute http(s) to a loopback host.</summary>
        public static Uri CheckLocal(Uri uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.IsLoopback)
            {
                throw new PdApiException(PdErrors.EmulatorNotLocal, string.Format(CultureInfo.InvariantCulture,
                    "Refusing to send emulator control requests to '{0}': the emulator cmdlets only talk to a loopback host (localhost, 127.0.0.1, ::1).",
                    uri.OriginalString));
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        /// <summary>The control root for an API base URI such as http://127.0.0.1:5000/v1.</summary>
        public static Uri RootFor(Uri baseUri) => CheckLocal(new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/"));

        public JToken? Post(string path, JToken? body, CancellationToken ct) => Send(HttpMethod.Post, path, body, ct);

        public JToken? Delete(string path, CancellationToken ct) => Send(HttpMethod.Delete, path, null, ct);

        /// <summary>GET, then <paramref name="read"/> on the answer; an answer it cannot read is PdEmulatorControlFailed.</summary>
        public T Get<T>(string path, Func<JToken?, T> read, CancellationToken ct) =>
            Read(HttpMethod.Get, path, Send(HttpMethod.Get, path, null, ct), read);

        /// <summary>POST, then <paramref name="read"/> on the answer; an answer it cannot read is PdEmulatorControlFailed.</summary>
        public T Post<T>(string path, JToken? body, Func<JToken?, T> read, CancellationToken ct) =>
            Read(HttpMethod.Post, path, Send(HttpMethod.Post, path, body, ct), read);

        /// <summary>
        /// Sends one control request and returns its JSON ("data" unwrapped), or null for an empty
        /// answer. A POST always carries a JSON body ({} when there is none): the emulator takes
        /// control POSTs only as application/json, which a web page cannot send across origins
        /// without asking first.
        /// </summary>
        private JToken? Send(HttpMethod method, string path, JToken? body, CancellationToken ct)
        {
            var target = RootUri.AbsoluteUri + "_emulator/" + path;
            using var request = new HttpRequestMessage(method, "_emulator/" + path);
            if (body != null || method == HttpMethod.Post)
            {
                request.Content = new StringContent((body ?? new JObject()).ToString(Newtonsoft.Json.Formatting.None), new UTF8Encoding(false));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            if (ApiKey != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

            var (status, location, bytes) = Exchange(method, target, request, ct);
            var text = Encoding.UTF8.GetString(bytes);
            if (status >= 300 && status <= 399)
            {
                throw Failed(method, target, string.Format(CultureInfo.InvariantCulture,
                    "answered {0} (a redirect{1}), which the emulator never does; it was not followed", status,
                    location == null ? string.Empty : " to " + PdText.Quote(location)), status);
            }
            if (status >= 400 || status < 200)
            {
                string message = text;
                try { message = (string?)JObject.Parse(text)["error"] ?? text; }
                catch (Newtonsoft.Json.JsonException) { }
                catch (ArgumentException) { }
                catch (InvalidCastException) { }
                throw Failed(method, target, status.ToString(CultureInfo.InvariantCulture) + ": " + PdText.Quote(message.Trim()), status);
            }
            if (string.IsNullOrWhiteSpace(text)) return null;
            JToken json;
            try
            {
                // Numbers keep their digits, so a logged request body reads back as it was sent.
                json = PdJson.Parse(text, Newtonsoft.Json.FloatParseHandling.Decimal);
            }
            catch (Newtonsoft.Json.JsonException ex)
            {
                throw Failed(method, target, "answered " + status.ToString(CultureInfo.InvariantCulture) +
                    " with a body that is not JSON (" + ex.Message + "): " + PdText.Quote(text.Trim(), 100), status);
            }
            return PdAnswer.DataOrBody(json);
        }

        /// <summary>One request and its whole answer within <see cref="Timeout"/>; Ctrl+C stops the pipeline.</summary>
        private (int Status, string? Location, byte[] Body) Exchange(HttpMethod method, string target, HttpRequestMessage request, CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                // The default completion reads the whole body before returning, so the timeout covers
                // an answer that stalls half way too. The body is read as bytes: a made-up charset
                // must not throw.
                using var response = _http.SendAsync(request, timeout.Token).GetAwaiter().GetResult();
                var bytes = response.Content == null ? Array.Empty<byte>() : response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                var location = response.Headers.Location?.OriginalString;
                return ((int)response.StatusCode, location, bytes);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException ex)
            {
                throw new PdApiException(PdErrors.Timeout, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} failed: the emulator did not answer within {2} seconds.", method, target, Timeout.TotalSeconds),
                    method.Method, target, innerException: ex);
            }
            catch (HttpRequestException ex)
            {
                throw new PdApiException(PdErrors.ConnectionFailed, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} failed: the emulator could not be reached ({2}).", method, target, PdClient.Innermost(ex).Message),
                    method.Method, target, innerException: ex);
            }
            catch (IOException ex)
            {
                throw new PdApiException(PdErrors.ConnectionFailed, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} failed: the connection broke ({2}).", method, target, ex.Message),
                    method.Method, target, innerException: ex);
            }
        }

        /// <summary>Runs <paramref name="read"/> on an answer; anything it cannot read is PdEmulatorControlFailed.</summary>
        private T Read<T>(HttpMethod method, string path, JToken? answer, Func<JToken?, T> read)
        {
            try
            {
                return read(answer);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidCastException
                || ex is OverflowException || ex is InvalidOperationException || ex is Newtonsoft.Json.JsonException)
            {
                var shown = answer == null ? "nothing" : PdText.Quote(answer.ToString(Newtonsoft.Json.Formatting.None), 100);
                throw Failed(method, RootUri.AbsoluteUri + "_emulator/" + path,
                    "answered what the emulator's control API never gives (" + ex.Message + "): " + shown, null);
            }
        }

        private PdApiException Failed(HttpMethod method, string target, string what, int? status) =>
            new PdApiException(PdErrors.EmulatorControlFailed, string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, target, what),
                method.Method, target, status);

        public void Dispose() => _http.Dispose();
    }
}
