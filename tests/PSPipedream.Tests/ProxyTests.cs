using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Cmdlets;
using PSPipedream.Connection;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class ProxyTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    [Theory]
    [InlineData("http://pdadmin:hunter2@127.0.0.1:9/v1")]
    [InlineData("https://pdadmin:hunter2@api.pipedream.com/v1")]
    [InlineData("https://pdadmin@api.pipedream.com/v1")]
    [InlineData("ftp://pdadmin:hunter2@127.0.0.1/v1")]
    [InlineData("pdadmin:hunter2@127.0.0.1/v1")]
    [InlineData("http://pdadmin:hun/ter2@127.0.0.1/v1")]
    public void A_base_uri_with_user_info_is_refused_without_showing_it(string text)
    {
        var ex = Assert.Throws<PdApiException>(() => PdBaseUri.Parse(text, "-BaseUri"));
        Assert.Equal("PdInvalidArgument", ex.ErrorId);
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.DoesNotContain("ter2", ex.Message);
        Assert.DoesNotContain("pdadmin", ex.Message);
        Assert.Contains("****@", ex.Message);
    }

    [Fact]
    public void The_user_info_check_comes_before_the_loopback_check()
    {
        // Over http to a remote host the URI is insecure too, but the message would then echo the password.
        var ex = Assert.Throws<PdApiException>(() => PdBaseUri.Parse("http://pdadmin:hunter2@api.pipedream.com/v1", "$env:PIPEDREAM_BASE_URL"));
        Assert.Equal("PdInvalidArgument", ex.ErrorId);
        Assert.Contains("'http://****@api.pipedream.com/v1' (from $env:PIPEDREAM_BASE_URL) holds a user name or password", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1")]
    [InlineData("http://127.8.9.10/v1")]
    [InlineData("http://localhost:5000/v1")]
    [InlineData("https://LOCALHOST/v1")]
    [InlineData("http://[::1]:5000/v1")]
    [InlineData("http://[::ffff:127.0.0.1]:5000/v1")]
    public void The_system_proxy_never_carries_loopback_traffic(string destination)
    {
        var system = new WebProxy("http://127.0.0.1:3128") { BypassProxyOnLocal = false };
        Assert.False(system.IsBypassed(new Uri(destination)));

        var proxy = PdProxy.System(system, null);
        Assert.True(proxy.IsBypassed(new Uri(destination)));
        Assert.Null(proxy.AddressFor(new Uri(destination)));
    }

    [Fact]
    public void The_system_proxy_still_carries_everything_else_and_a_named_proxy_carries_loopback_too()
    {
        var remote = new Uri("https://api.pipedream.com/v1/");
        var system = PdProxy.System(new WebProxy("http://proxy.example:3128"), null);
        Assert.False(system.IsBypassed(remote));
        Assert.Equal(new Uri("http://proxy.example:3128/"), system.AddressFor(remote));

        var named = PdProxy.Explicit(new Uri("http://127.0.0.1:3128"), null);
        Assert.False(named.IsBypassed(new Uri("http://127.0.0.1:5000/v1/")));
        Assert.Equal(new Uri("http://127.0.0.1:3128/"), named.AddressFor(new Uri("http://127.0.0.1:5000/v1/")));

        Assert.True(PdProxy.None.IsBypassed(remote));
        Assert.Null(PdProxy.None.AddressFor(remote));
    }

    [Fact]
    public void A_system_proxy_address_is_shown_without_its_user_info()
    {
        var system = PdProxy.System(new WebProxy(new Uri("http://corp:Secr3t@proxy.example:8080")), null);
        var shown = system.AddressFor(new Uri("https://api.pipedream.com/v1/"));
        Assert.Equal("http://proxy.example:8080/", shown!.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://pdadmin:hunter2@127.0.0.1:3128", "holds a user name or password")]
    [InlineData("ftp://127.0.0.1:3128", "is not an http://")]
    public void A_proxy_address_with_user_info_or_an_unusable_scheme_is_refused(string text, string why)
    {
        var problem = PdValidation.CheckProxyUri(new Uri(text));
        Assert.NotNull(problem);
        Assert.Contains(why, problem);
        Assert.DoesNotContain("hunter2", problem);
    }

    [Fact]
    public async Task A_system_proxy_asking_for_credentials_on_the_tunnel_is_PdProxyAuthenticationRequired_naming_it()
    {
        // A loopback listener plays the system proxy. The API host is never looked up or reached:
        // the request for it goes to the proxy as CONNECT, which is refused with 407.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnce(listener, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n");
        try
        {
            var proxy = PdProxy.System(new WebProxy($"http://127.0.0.1:{port}"), null);
            using var client = new PdClient(new Uri("https://api.pipedream.invalid/v1"), Key, null, proxy);
            client.Timeout = TimeSpan.FromSeconds(20);
            var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));

            Assert.StartsWith("CONNECT api.pipedream.invalid:443 ", await served);
            Assert.Equal("PdProxyAuthenticationRequired", ex.ErrorId);
            Assert.Equal(407, ex.StatusCode);
            Assert.Equal(1, ex.Attempts);
            Assert.Contains($"failed with 407 Proxy Authentication Required after 1 attempt through the proxy http://127.0.0.1:{port}.", ex.Message);
            Assert.Contains("-ProxyCredential", ex.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Accepts one connection, answers with <paramref name="answer"/>, and returns the first line it was sent.</summary>
    private static async Task<string> ServeOnce(TcpListener listener, string answer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await listener.AcceptTcpClientAsync(timeout.Token);
        using var stream = socket.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var first = await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(timeout.Token))) { }
        var bytes = Encoding.ASCII.GetBytes(answer);
        await stream.WriteAsync(bytes, timeout.Token);
        return first;
    }
}
