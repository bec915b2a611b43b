using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PSPipedream.Emulator;

/// <summary>
/// Posts events to webhook listeners. Only loopback hosts are ever contacted: the connection is
/// made to a loopback address of the host or not at all, and redirects are not followed.
/// </summary>
internal static class Delivery
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = ConnectLoopbackAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static async ValueTask<Stream> ConnectLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var ip = addresses.FirstOrDefault(IPAddress.IsLoopback)
            ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a loopback host");
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(ip, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>POSTs the event JSON; returns the HTTP status, or null when it could not be delivered.</summary>
    public static async Task<int?> PostAsync(string url, byte[] json, string emitterId, string eventId, CancellationToken ct)
    {
        if (!IsLoopback(url)) return null;
        try
        {
            using var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.TryAddWithoutValidation(ControlGuard.DeliveryHeader, emitterId);
            request.Headers.TryAddWithoutValidation("X-PD-Event-Id", eventId);
            using var response = await Client.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }
}
