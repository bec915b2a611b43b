using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>
    /// The only code that talks HTTP. One instance (and one HttpClient) per connection; safe to
    /// use from several threads and runspaces at once. It never writes to a PowerShell stream:
    /// each exchange is reported through <see cref="PdRequest.Trace"/>.
    /// </summary>
    public sealed partial class PdClient : IDisposable
    {
        /// <summary>Default time allowed for one request.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpClient _http;
        private readonly string _apiKey;
        private readonly string _userAgent;
        private long _timeoutTicks = DefaultTimeout.Ticks;

        /// <param name="baseUri">API root such as https://api.pipedream.com/v1 (a trailing slash is optional).</param>
        /// <param name="apiKey">Sent as a Bearer token and nowhere else.</param>
        /// <param name="powerShellVersion">For the User-Agent.</param>
        /// <param name="handler">For tests; by default an HttpClientHandler with decompression and no redirects, through the system proxy.</param>
        public PdClient(Uri baseUri, string apiKey, string? powerShellVersion = null, HttpMessageHandler? handler = null)
            : this(baseUri, apiKey, powerShellVersion, handler == null ? PdProxy.System(null) : PdProxy.None, handler)
        {
        }

        /// <param name="proxy">What requests go through; the default handler is set to it, and failures name it.</param>
        internal PdClient(Uri baseUri, string apiKey, string? powerShellVersion, PdProxy proxy, HttpMessageHandler? handler = null)
        {
            if (baseUri == null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri.IsAbsoluteUri) throw new ArgumentException("The base URI must be absolute.", nameof(baseUri));
            if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("An API key is required.", nameof(apiKey));
            BaseUri = NormalizeBaseUri(baseUri);
            _apiKey = apiKey;
            _userAgent = BuildUserAgent(powerShellVersion);
            Proxy = proxy ?? throw new ArgumentNullException(nameof(proxy));
            _http = new HttpClient(handler ?? CreateDefaultHandler(proxy), disposeHandler: true)
            {
                // Our own per-request timeout (a linked token) is used instead, so it can be changed at any time.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
        }

        /// <summary>The API root, always ending in '/'.</summary>
        public Uri BaseUri { get; }

        public string UserAgent => _userAgent;

        /// <summary>The longest time allowed for one attempt.</summary>
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

        /// <summary>Time allowed for each attempt (default 60 s, more than zero and at most an hour). Exceeding it gives PdTimeout.</summary>
        public TimeSpan Timeout
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _timeoutTicks));
            set
            {
                if (value <= TimeSpan.Zero || value > MaxTimeout)
                    throw new ArgumentOutOfRangeException(nameof(Timeout), value, "The timeout must be more than zero and at most 3600 seconds.");
                Interlocked.Exchange(ref _timeoutTicks, value.Ticks);
            }
        }

        /// <summary>The default of <see cref="MaxResponseBytes"/>: far more than any page of 100 items.</summary>
        public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

        /// <summary>The most <see cref="MaxResponseBytes"/> may be set to.</summary>
        public const long MaxResponseBytesLimit = 1024L * 1024 * 1024;

        private long _maxResponseBytes = DefaultMaxResponseBytes;

        /// <summary>
        /// The most a successful answer's body may hold once decompressed (1 MB to 1 GB, default 32 MB);
        /// past it the read stops and the request fails with PdInvalidResponse, so a hostile or broken
        /// server cannot fill the session's memory. Error answers are read up to 64 KB only.
        /// </summary>
        public long MaxResponseBytes
        {
            get => Interlocked.Read(ref _maxResponseBytes);
            set
            {
                if (value < 1024 * 1024 || value > MaxResponseBytesLimit)
                    throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value, "MaxResponseBytes must be from 1 MB to 1 GB.");
                Interlocked.Exchange(ref _maxResponseBytes, value);
            }
        }

        /// <summary>How failed requests are retried on this connection.</summary>
        public PdRetryPolicy Retry { get; } = new PdRetryPolicy();

        public static string ModuleVersion
        {
            get
            {
                var assembly = typeof(PdClient).Assembly;
                var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                if (!string.IsNullOrEmpty(informational))
                {
                    var plus = informational!.IndexOf('+');
                    return plus >= 0 ? informational.Substring(0, plus) : informational;
                }
                return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            }
        }

        internal static string BuildUserAgent(string? powerShellVersion)
        {
            var os = RuntimeInformation.OSDescription.Trim().Replace('(', '[').Replace(')', ']');
            return string.Format(CultureInfo.InvariantCulture, "PSPipedream/{0} (PowerShell {1}; {2})",
                ModuleVersion, string.IsNullOrEmpty(powerShellVersion) ? "unknown" : powerShellVersion, os);
        }

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

        private static Uri NormalizeBaseUri(Uri uri)
        {
            var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
            if (!builder.Path.EndsWith("/", StringComparison.Ordinal)) builder.Path += "/";
            return builder.Uri;
        }

        /// <summary>The full URL of a request: every segment and query value percent-encoded.</summary>
        public Uri BuildUri(PdRequest request) => BuildUri(BaseUri, request);

        /// <summary>The URL a request would have below <paramref name="baseUri"/>, without a client (for -WhatIf, which connects to nothing).</summary>
        internal static Uri BuildUri(Uri baseUri, PdRequest request)
        {
            baseUri = NormalizeBaseUri(baseUri);
            var path = baseUri.AbsolutePath + string.Join("/", request.Segments.Select(EncodeSegment));
            var sb = new StringBuilder(baseUri.GetLeftPart(UriPartial.Authority)).Append(path);
            if (request.Query.Count > 0)
            {
                sb.Append('?');
                sb.Append(string.Join("&", request.Query.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value))));
            }
            // Already fully escaped; dot-only segments were refused, so System.Uri has nothing to collapse.
            return CheckPathKept(new Uri(sb.ToString(), UriKind.Absolute), path);
        }

        /// <summary>
        /// Refuses a URI whose path is not the one built. .NET Framework in its legacy URI mode (as
        /// under Windows PowerShell 5.1) unescapes %2F and %5C in paths and then collapses "..",
        /// so an id such as "dc_x/../../webhooks/wh_y" would reach a different resource.
        /// </summary>
        internal static Uri CheckPathKept(Uri uri, string builtPath)
        {
            if (string.Equals(uri.AbsolutePath, builtPath, StringComparison.Ordinal)) return uri;
            throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                "The path '{0}' cannot be sent on this .NET runtime: it would become '{1}'. Ids must not contain '/' or '\\'.",
                Uri.UnescapeDataString(builtPath), uri.AbsolutePath));
        }

        /// <summary>
        /// Percent-encodes one path segment ("/", "\", "?", "#" and "%" included; "$" is left as is), so an id can
        /// never change the path. Empty segments and segments made only of dots ("." / "..", which
        /// URI parsers collapse even when escaped) are refused with PdInvalidArgument.
        /// </summary>
        internal static string EncodeSegment(string segment)
        {
            if (segment.Length == 0 || segment.Trim('.').Length == 0)
            {
                throw new PdApiException(PdErrors.InvalidArgument,
                    "'" + segment + "' cannot be used as an id or path segment.");
            }
            // '$' is legal in a path segment and the API's own paths use it ($errors): send it as is.
            return Uri.EscapeDataString(segment).Replace("%24", "$");
        }

        /// <summary>
        /// Sends a request (retrying what <see cref="Retry"/> allows) and returns the parsed JSON body,
        /// null when the answer has none. Throws <see cref="PdApiException"/> when it fails, and
        /// OperationCanceledException when <paramref name="cancellationToken"/> fires.
        /// </summary>
        public async Task<JToken?> SendAsync(PdRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return (await ExchangeAsync(request, cancellationToken).ConfigureAwait(false)).Body;
        }

        /// <summary>Sends and unwraps {"data": ...}; returns the "data" token, or the whole body when there is none.</summary>
        public async Task<JToken?> SendForDataAsync(PdRequest request, CancellationToken cancellationToken)
        {
            var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (body is JObject obj && obj.TryGetValue("data", out var data)) return data;
            return body;
        }

        /// <summary>Sends and maps the "data" object to a model; any other answer is PdInvalidResponse.</summary>
        public async Task<T> SendAsync<T>(PdRequest request, CancellationToken cancellationToken) where T : class
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var response = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            return PdAnswer.Resource<T>(response);
        }

        /// <summary>
        /// Sends a list request and reads one page straight into models; an answer that is not a
        /// page of objects is PdInvalidResponse. An item that does not fit its model ends the page's
        /// items there, with <see cref="PdPage{T}.Problem"/> saying so.
        /// </summary>
        public async Task<PdPage<T>> GetPageAsync<T>(PdRequest request, CancellationToken cancellationToken) where T : PdModel
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var limit = LimitOf(request);
            var response = await ExchangeAsync(request, cancellationToken, PdPageReader.For<T>(limit)).ConfigureAwait(false);
            if (response.ShapeProblem != null) throw PdAnswer.Invalid(response, response.ShapeProblem);
            var page = (PdPage<T>)response.Parsed!;
            page.Origin = response;
            if (page.Dropped > 0)
            {
                request.Trace?.Invoke(PdTrace.Notice(request.Method.Method, BuildUri(request), string.Format(CultureInfo.InvariantCulture,
                    "the answer held {0} items where limit={1} asked for at most {1}: the {2} past the limit are left out",
                    page.Count + page.Dropped, limit, page.Dropped)));
            }
            if (page.Misfit != null)
            {
                page.Problem = PdAnswer.Invalid(response, string.Format(CultureInfo.InvariantCulture,
                    "with an item of \"data\" that does not fit a {0}: {1}", typeof(T).Name, PdText.Quote(Redact(page.Misfit.Message))), page.Misfit);
            }
            return page;
        }

        /// <summary>The page size a list request asks for (its "limit" query value), if any.</summary>
        private static int? LimitOf(PdRequest request)
        {
            foreach (var pair in request.Query)
            {
                if (pair.Key == "limit" && int.TryParse(pair.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
                    return limit;
            }
            return null;
        }

        /// <summary>
        /// Text shown to the user (error messages, -Debug bodies) with the key blanked out, in case
        /// a server or proxy echoes the Authorization header back.
        /// </summary>
        private string? Redact(string? text) =>
            text == null || text.IndexOf(_apiKey, StringComparison.Ordinal) < 0 ? text : text.Replace(_apiKey, "****");

        public override string ToString() => "PdClient " + BaseUri.AbsoluteUri;

        public void Dispose() => _http.Dispose();
    }
}
