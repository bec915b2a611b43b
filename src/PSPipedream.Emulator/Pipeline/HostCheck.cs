using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>A name the <c>Host</c> header may carry, as given to <c>--allow-host</c>: a name, optionally with a port.</summary>
internal sealed record AllowedHost(string Name, int? Port)
{
    /// <summary>Parses <c>name</c>, <c>name:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; null when it is none of these.</summary>
    public static AllowedHost? Parse(string text)
    {
        if (!HostCheck.TrySplit(text.Trim(), out string name, out int? port) || name.Length == 0) return null;
        return new AllowedHost(name, port);
    }
}

/// <summary>
/// Answers 421 to any request whose <c>Host</c> header does not name this emulator: a loopback name
/// or address with the port the request came in on, or a name allowed with <c>--allow-host</c>.
/// A web page that gets a name of its own to resolve to 127.0.0.1 (DNS rebinding) may reach the
/// port, but its requests carry its own name, so they never get past this.
/// </summary>
internal sealed class HostCheck(RequestDelegate next, IReadOnlyList<AllowedHost> allowed)
{
    private static readonly Regex DottedQuad = new(@"^\d{1,3}(\.\d{1,3}){3}$", RegexOptions.CultureInvariant);

    public async Task InvokeAsync(HttpContext ctx)
    {
        int ownPort = ctx.Connection.LocalPort;
        string host = ctx.Request.Headers.Host.ToString();
        if (IsAllowed(host, ownPort, ctx.Request.IsHttps ? 443 : 80))
        {
            await next(ctx);
            return;
        }
        string shown = host.Length == 0 ? "(none)" : host.Length > 100 ? host[..100] + "..." : host;
        await JsonOut.ErrorAsync(ctx, 421, string.Format(CultureInfo.InvariantCulture,
            "the Host header {0} does not name this emulator: it must be localhost, 127.0.0.1 or [::1] with port {1}, "
            + "or a name the emulator was started with (--allow-host <name>)", shown, ownPort));
    }

    private bool IsAllowed(string host, int ownPort, int defaultPort)
    {
        if (!TrySplit(host, out string name, out int? given) || name.Length == 0) return false;
        int port = given ?? defaultPort;
        if (port == ownPort && IsLoopbackName(name)) return true;
        foreach (var a in allowed)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase) && port == (a.Port ?? ownPort)) return true;
        }
        return false;
    }

    /// <summary>localhost, an IPv4 address in 127.0.0.0/8 written as four numbers, or [::1].</summary>
    internal static bool IsLoopbackName(string name)
    {
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.StartsWith('['))
            return IPAddress.TryParse(name[1..^1], out var v6) && v6.Equals(IPAddress.IPv6Loopback);
        return DottedQuad.IsMatch(name) && IPAddress.TryParse(name, out var v4) && IPAddress.IsLoopback(v4);
    }

    /// <summary>Splits <c>name[:port]</c> (the name of an IPv6 address in brackets); false when malformed.</summary>
    internal static bool TrySplit(string host, out string name, out int? port)
    {
        name = "";
        port = null;
        string rest;
        if (host.StartsWith('['))
        {
            int close = host.IndexOf(']');
            if (close < 0) return false;
            name = host[..(close + 1)];
            rest = host[(close + 1)..];
            if (!IPAddress.TryParse(name[1..^1], out _)) return false;
        }
        else
        {
            int colon = host.IndexOf(':');
            if (colon >= 0 && host.IndexOf(':', colon + 1) >= 0) return false;
            name = colon < 0 ? host : host[..colon];
            rest = colon < 0 ? "" : host[colon..];
            foreach (char ch in name)
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_')) return false;
            }
        }
        if (rest.Length == 0) return true;
        if (rest[0] != ':' || rest.Length == 1 || rest.Length > 6) return false;
        foreach (char ch in rest.AsSpan(1))
        {
            if (!char.IsAsciiDigit(ch)) return false;
        }
        int p = int.Parse(rest.AsSpan(1), CultureInfo.InvariantCulture);
        if (p is < 1 or > 65535) return false;
        port = p;
        return true;
    }
}
