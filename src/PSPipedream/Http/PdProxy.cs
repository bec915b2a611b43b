using System;
using System.Net;
using System.Net.Http;

namespace PSPipedream.Http
{
    /// <summary>
    /// The proxy a connection's requests go through: none (-NoProxy), one the user names (-Proxy),
    /// or the system's (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the Windows settings).
    /// The system proxy never carries loopback traffic: it is set for the whole machine (often by
    /// a company), cannot reach an emulator on this machine, and .NET would otherwise send
    /// 127.0.0.1 there. A proxy the user names carries every request, loopback included, as
    /// Invoke-RestMethod -Proxy does, so a debugging proxy can watch the traffic to the emulator.
    /// </summary>
    internal sealed class PdProxy : IWebProxy
    {
        private readonly IWebProxy? _route;
        private readonly bool _loopbackDirect;
        private ICredentials? _credentials;

        private PdProxy(IWebProxy? route, bool loopbackDirect, ICredentials? credentials)
        {
            _route = route;
            _loopbackDirect = loopbackDirect;
            _credentials = credentials;
        }

        /// <summary>Every request goes straight to its host.</summary>
        public static PdProxy None { get; } = new PdProxy(null, loopbackDirect: true, credentials: null);

        /// <summary>
        /// The system proxy as it is now (the one .NET's HttpClient would use), with
        /// <paramref name="credentials"/> for it when given, else the ones it carries (such as the
        /// user info of HTTPS_PROXY).
        /// </summary>
        public static PdProxy System(ICredentials? credentials) => System(WebRequest.DefaultWebProxy, credentials);

        internal static PdProxy System(IWebProxy? systemProxy, ICredentials? credentials) =>
            new PdProxy(systemProxy, loopbackDirect: true, credentials);

        /// <summary>The proxy at <paramref name="address"/> for every request.</summary>
        public static PdProxy Explicit(Uri address, ICredentials? credentials) =>
            new PdProxy(new WebProxy(address) { BypassProxyOnLocal = false }, loopbackDirect: false, credentials);

        /// <summary>Credentials the proxy gets when it asks (407): the ones given, else those of the system proxy.</summary>
        public ICredentials? Credentials
        {
            get => _credentials ?? _route?.Credentials;
            set => _credentials = value;
        }

        public bool IsBypassed(Uri host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            return _route == null || (_loopbackDirect && IsLoopback(host)) || _route.IsBypassed(host);
        }

        public Uri GetProxy(Uri destination) =>
            IsBypassed(destination) ? destination : _route!.GetProxy(destination);

        /// <summary>
        /// The proxy that a request to <paramref name="destination"/> goes through, as scheme, host
        /// and port only (never user info), or null when it goes straight to the host.
        /// </summary>
        public Uri? AddressFor(Uri destination)
        {
            if (IsBypassed(destination)) return null;
            var proxy = _route!.GetProxy(destination);
            // .NET Framework's proxies answer with the destination itself when there is none for it.
            if (proxy == null || !proxy.IsAbsoluteUri || proxy == destination) return null;
            return new Uri(Shown(proxy) + "/", UriKind.Absolute);
        }

        /// <summary>Sets the handler to go through this proxy, or through none.</summary>
        public void ApplyTo(HttpClientHandler handler)
        {
            handler.UseProxy = _route != null;
            if (_route != null) handler.Proxy = this;
        }

        /// <summary>A proxy's address for messages: scheme, host and port, without user info or path.</summary>
        public static string Shown(Uri proxy) => proxy.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

        /// <summary>Loopback by name or address, an IPv4 loopback address written as IPv6 (::ffff:127.0.0.1) included.</summary>
        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.DnsSafeHost, out var address) && address.IsIPv4MappedToIPv6 &&
                   IPAddress.IsLoopback(address.MapToIPv4());
        }
    }
}
