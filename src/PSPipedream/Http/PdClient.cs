using System;
using System.Globalization;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace PSPipedream.Http
{
    /// <summary>
    /// The only code that talks HTTP. One instance (and one HttpClient) per connection; safe to
    /// use from several threads and runspaces at once. It never writes to a PowerShell stream:
    /// each exchange is reported through <see cref="PdRequest.Trace"/>.
    /// </summary>
    internal sealed partial class PdClient : IDisposable
    {
        /// <summary>Default time allowed for one request.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpClient _http;
        private readonly string _apiKey;
        private readonly string _userAgent;
        private long _timeoutTicks = DefaultTimeout.Ticks;

        /// <summary>
        /// For tests: through the system proxy, or through none when a test gives its own handler.
        /// The module's connections come from PdConnector, which chooses the proxy.
        /// </summary>
        /// <param name="baseUri">API root such as https://api.pipedream.com/v1 (a trailing slash is optional).</param>
        /// <param name="apiKey">Sent as a Bearer token and nowhere else.</param>
        /// <param name="powerShellVersion">For the User-Agent.</param>
        /// <param name="handler">By default an HttpClientHandler with decompression and no redirects, through the system proxy.</param>
        public PdClient(Uri baseUri, string apiKey, string? powerShellVersion = null, HttpMessageHandler? handler = null)
            : this(baseUri, apiKey, powerShellVersion, handler == null ? PdProxy.System(null) : PdProxy.None, handler)
        {
        }

        /// <param name="baseUri">API root such as https://api.pipedream.com/v1 (a trailing slash is optional).</param>
        /// <param name="apiKey">Sent as a Bearer token and nowhere else.</param>
        /// <param name="powerShellVersion">For the User-Agent.</param>
        /// <param name="proxy">What requests go through; the default handler is set to it, and failures name it.</param>
        /// <param name="handler">For tests; by default an HttpClientHandler set to <paramref name="proxy"/>.</param>
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

        public override string ToString() => "PdClient " + BaseUri.AbsoluteUri;

        public void Dispose() => _http.Dispose();
    }
}
