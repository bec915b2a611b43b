using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream;
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

/// <summary>No answer, however large or however packed, takes more memory than the connection allows.</summary>
public class BoundedBodyTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    private static PdClient Client(LoopbackServer server)
    {
        var client = new PdClient(server.BaseUri, Key);
        client.Retry.BackoffBase = TimeSpan.FromMilliseconds(1);
        client.MaxResponseBytes = 1024 * 1024;
        return client;
    }

    /// <summary>gzip of <paramref name="size"/> bytes of one JSON string: a few KB on the wire.</summary>
    private static byte[] GzipBomb(int size, string start = "{\"data\":{\"id\":\"u_1\",\"pad\":\"", string end = "\"}}")
    {
        using var packed = new System.IO.MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(start));
            var spaces = new byte[64 * 1024];
            Array.Fill(spaces, (byte)'a');
            for (var written = 0; written < size; written += spaces.Length) gzip.Write(spaces);
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(end));
        }
        return packed.ToArray();
    }

    [Fact]
    public async Task A_compressed_answer_that_unpacks_past_the_cap_is_PdInvalidResponse_and_not_retried()
    {
        var bomb = GzipBomb(64 * 1024 * 1024);
        Assert.True(bomb.Length < 200 * 1024);
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("200 OK", bomb, "application/json", "Content-Encoding: gzip"));
        using var client = Client(server);
        var before = GC.GetTotalAllocatedBytes(true);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Contains("larger than 1 MB", ex.Message);
        Assert.Single(server.Requests);
        Assert.True(allocated < 16 * 1024 * 1024, "allocated " + allocated);
    }

    [Fact]
    public async Task A_page_that_unpacks_past_the_cap_is_PdInvalidResponse()
    {
        var bomb = GzipBomb(8 * 1024 * 1024, "{\"data\":[{\"id\":\"dc_1\",\"name\":\"", "\"}]}");
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("200 OK", bomb, "application/json", "Content-Encoding: gzip"));
        using var client = Client(server);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Contains("larger than 1 MB", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_error_answer_is_read_only_up_to_64_KB_and_still_gives_its_status()
    {
        var huge = "{\"error\":\"" + new string('x', 4 * 1024 * 1024) + "\"}";
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("404 Not Found", huge));
        using var client = Client(server);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("sources", "dc_1"), CancellationToken.None));
        Assert.Equal("PdNotFound", ex.ErrorId);
        Assert.True(ex.Message.Length < 2000);
    }

    [Fact]
    public async Task A_page_with_more_items_than_the_limit_gives_only_the_limit_and_says_so()
    {
        var items = string.Join(",", Enumerable.Range(0, 3000).Select(i => "{\"id\":\"dc_" + i + "\",\"name\":\"s" + i + "\"}"));
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("200 OK", "{\"page_info\":{\"count\":3000},\"data\":[" + items + "]}"));
        using var client = Client(server);
        var lines = new System.Collections.Generic.List<string>();
        var request = PdRequest.Get("users", "me", "sources").WithQuery("limit", 100);
        request.Trace = t => { lock (lines) lines.Add(t.ToString()); };
        var page = await client.GetPageAsync<Source>(request, CancellationToken.None);
        Assert.Equal(100, page.Count);
        Assert.Equal("dc_99", page.Items[99].Id);
        Assert.Contains(lines, l => l.Contains("the answer held 3000 items where limit=100 asked for at most 100"));
    }
}

/// <summary>A server that echoes the key back, in any spelling, shows it to nobody.</summary>
public class EchoedKeyTests
{
    private const string Key = "Bk3y0123456789abcdefghijklmnopqr";

    private static string Escaped(string text) => string.Concat(text.Select(c => "\\u" + ((int)c).ToString("x4")));

    public static TheoryData<string, string, string> Echoes => new()
    {
        { "401 Unauthorized", "application/json", "{\"error\":\"bad key " + Escaped(Key) + "\"}" },
        { "400 Bad Request", "application/json", "{\"error\":{\"message\":\"key \\u0042" + Key.Substring(1) + " refused\"}}" },
        { "502 Bad Gateway", "text/html", "<html><body>upstream said &#66;" + Key.Substring(1) + "</body></html>" },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_escaped_key_in_an_error_body_is_blanked_in_the_message_the_api_message_and_the_debug_body(string status, string type, string body)
    {
        await using var server = new LoopbackServer(r => LoopbackServer.Answer(status, body, type));
        using var client = new PdClient(server.BaseUri, Key);
        client.Retry.MaxRetries = 0;
        var lines = new System.Collections.Generic.List<string>();
        var request = PdRequest.Get("users", "me");
        request.CaptureBodies = true;
        request.Trace = t => lines.Add(t.ResponseBody ?? "");
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(request, CancellationToken.None));
        Assert.DoesNotContain(Key, ex.Message);
        Assert.DoesNotContain(Key, ex.ApiMessage ?? "");
        Assert.Contains("****", ex.Message);
        Assert.All(lines, l => Assert.DoesNotContain(Key, System.Text.RegularExpressions.Regex.Unescape(l)));
    }

    [Fact]
    public async Task A_key_in_the_reason_phrase_is_blanked()
    {
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("403 Forbidden for " + Key, "{}"));
        using var client = new PdClient(server.BaseUri, Key);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdForbidden", ex.ErrorId);
        Assert.DoesNotContain(Key, ex.Message);
        Assert.Contains("403 Forbidden for ****", ex.Message);
    }
}

/// <summary>Odd answers are named for what they are.</summary>
public class OddAnswerWordingTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    [Fact]
    public async Task JSON_nested_past_64_levels_is_named_as_such_not_as_cut_off()
    {
        var deep = "{\"data\":" + new string('[', 100) + new string(']', 100) + "}";
        var deepPage = "{\"data\":[{\"id\":\"dc_1\",\"configured_props\":{\"a\":" + new string('[', 100) + new string(']', 100) + "}}]}";
        await using var server = new LoopbackServer(r => LoopbackServer.Answer("200 OK", r.Target.Contains("sources") ? deepPage : deep));
        using var client = new PdClient(server.BaseUri, Key);
        client.Retry.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Contains("nested more than 64 levels deep", ex.Message);
        Assert.DoesNotContain("cut off", ex.Message);
        var page = await Assert.ThrowsAsync<PdApiException>(() => client.GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.True(page.Message.Contains("nested more than 64 levels deep"), page.Message);
    }

    [Fact]
    public async Task A_redirect_names_where_it_points_without_user_info_and_is_not_followed()
    {
        await using var server = new LoopbackServer(r =>
            LoopbackServer.Answer("307 Temporary Redirect", "", "", "Location: http://admin:hunter2@other.example/v1/users/me"));
        using var client = new PdClient(server.BaseUri, Key);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.True(ex.Message.Contains("redirects to http://other.example/v1/users/me"), ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.Single(server.Requests);
    }
}
