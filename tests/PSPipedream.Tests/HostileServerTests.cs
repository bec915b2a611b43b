using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>The client against a real socket whose answers no well-behaved server gives.</summary>
public class HostileServerTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    private static readonly byte[] Me = LoopbackServer.Answer("200 OK", "{\"data\":{\"id\":\"u_1\",\"username\":\"me\"}}");

    private static PdClient Client(LoopbackServer server)
    {
        var client = new PdClient(server.BaseUri, Key);
        client.Retry.BackoffBase = TimeSpan.FromMilliseconds(1);
        return client;
    }

    [Theory]
    [InlineData("POST", "webhooks")]
    [InlineData("POST", "subscriptions")]
    [InlineData("POST", "auto_subscriptions")]
    [InlineData("PATCH", "sources/dc_1")]
    public async Task A_create_without_parameters_that_meets_a_closed_connection_reaches_the_server_once(string method, string path)
    {
        // The server answers the connection check, then reads the create and hangs up without a word:
        // the create may have taken effect, so nobody (the client nor the HTTP stack under it) may send it again.
        await using var server = new LoopbackServer(r => r.Method == "GET" ? Me : null);
        using var client = Client(server);
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);

        var request = new PdRequest(new HttpMethod(method), path.Split('/'));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(request, CancellationToken.None));

        Assert.Single(server.Requests, r => r.Method == method);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains("1 attempt", ex.Message);
        Assert.Contains("may have taken effect", ex.Message);
    }

    [Fact]
    public async Task A_create_on_a_fresh_connection_that_is_hung_up_on_reaches_the_server_once()
    {
        await using var server = new LoopbackServer(_ => (byte[]?)null);
        using var client = Client(server);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Post("webhooks"), CancellationToken.None));
        Assert.Single(server.Requests);
        Assert.Equal(1, ex.Attempts);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task A_change_without_a_body_hung_up_on_counts_the_attempts_that_reached_the_server(string method)
    {
        await using var server = new LoopbackServer(r => r.Method == "GET" ? Me : null);
        using var client = Client(server);
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            client.SendAsync(new PdRequest(new HttpMethod(method), "sources", "dc_1"), CancellationToken.None));
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, server.Requests.Count(r => r.Method == method));
    }
}
