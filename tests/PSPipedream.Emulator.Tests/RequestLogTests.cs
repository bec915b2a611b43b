using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

public sealed class RequestLogTests(ControlFixture fx) : ControlTests(fx), IClassFixture<ControlFixture>
{
    [Fact]
    public async Task RequestLog_RecordsApiCallsWithoutTheKey()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Api.GetJsonAsync("users/me/sources?limit=5");
        using var post = await Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests", "name": "logged"}"""));
        using var anon = new HttpClient { BaseAddress = Fx.Host.RootUri };
        using var unauth = await anon.GetAsync("v1/users/me");
        await Control.GetJsonAsync("_emulator/users");

        using var raw = await Control.GetAsync("_emulator/requests");
        string text = await raw.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ControlFixture.Key, text);
        var entries = JsonNode.Parse(text)!["data"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal("GET", (string)entries[0]!["method"]!);
        Assert.Equal("/v1/users/me/sources", (string)entries[0]!["path"]!);
        Assert.Equal("limit=5", (string)entries[0]!["query"]!);
        Assert.Equal(200, (int)entries[0]!["status"]!);
        Assert.Null(entries[0]!["body"]);
        Assert.Equal("logged", (string)entries[1]!["body"]!["name"]!);
        Assert.False((bool)entries[0]!["body_truncated"]!);
        Assert.False((bool)entries[1]!["body_truncated"]!);
        Assert.Equal(401, (int)entries[2]!["status"]!);
        Assert.True((double)entries[0]!["duration_ms"]! >= 0);
        long received = (long)entries[0]!["received_at_ms"]!;
        Assert.InRange(received, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True((long)entries[2]!["received_at_ms"]! >= received);

        long seq = (long)entries[1]!["seq"]!;
        var since = (await Control.GetJsonAsync($"_emulator/requests?since={seq}"))["data"]!.AsArray();
        Assert.Equal((long)entries[2]!["seq"]!, (long)Assert.Single(since)!["seq"]!);
    }

    private async Task<JsonNode> PostAndReadLoggedAsync(string json)
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        using var resp = await Api.PostAsync("webhooks", TestUser.Json(json));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
        return Assert.Single((await Control.GetJsonAsync("_emulator/requests"))["data"]!.AsArray())!;
    }

    /// <summary>A compact JSON body of exactly <paramref name="bytes"/> UTF-8 bytes that POST /v1/webhooks rejects.</summary>
    private static string RejectedBody(int bytes, char pad = 'x')
    {
        const string start = "{\"url\":\"ftp://example.com/\",\"pad\":\"";
        int padBytes = bytes - start.Length - 2;
        int padChars = padBytes / Encoding.UTF8.GetByteCount(pad.ToString());
        string json = start + new string(pad, padChars) + "\"}";
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(json));
        return json;
    }

    [Fact]
    public async Task BigBody_IsLoggedAsItsFirst4096Bytes_AndFlagged()
    {
        string sent = RejectedBody(1_000_000);
        var entry = await PostAndReadLoggedAsync(sent);
        Assert.Equal(JsonValueKind.String, entry["body"]!.GetValueKind());
        Assert.Equal(sent[..4096], (string)entry["body"]!);
        Assert.True((bool)entry["body_truncated"]!);
        Assert.Equal(400, (int)entry["status"]!);
    }

    [Fact]
    public async Task BigBody_IsCutBetweenCharacters()
    {
        // 35 bytes before the padding, then two-byte characters: byte 4096 is the second half of one.
        string sent = RejectedBody(8191, 'é');
        Assert.True(sent.IndexOf('é') % 2 == 1);
        var entry = await PostAndReadLoggedAsync(sent);
        string logged = (string)entry["body"]!;
        Assert.Equal(4095, Encoding.UTF8.GetByteCount(logged));
        Assert.StartsWith(logged, sent, StringComparison.Ordinal);
        Assert.True((bool)entry["body_truncated"]!);
    }

    [Fact]
    public async Task BodyOfExactly4096Bytes_IsLoggedWhole()
    {
        var whole = await PostAndReadLoggedAsync(RejectedBody(4096));
        Assert.Equal(JsonValueKind.Object, whole["body"]!.GetValueKind());
        Assert.Equal("ftp://example.com/", (string)whole["body"]!["url"]!);
        Assert.False((bool)whole["body_truncated"]!);

        var cut = await PostAndReadLoggedAsync(RejectedBody(4097));
        Assert.Equal(4096, Encoding.UTF8.GetByteCount((string)cut["body"]!));
        Assert.True((bool)cut["body_truncated"]!);
    }

    [Fact]
    public async Task LongPathsAndQueries_AreLoggedAsTheirFirst2048Bytes_AndFlagged()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        string pad = new('q', 3000);
        await Api.GetJsonAsync("users/me?pad=" + pad);
        using var longPath = await Api.GetAsync("sources/dc_" + new string('p', 3000) + "/event_summaries");
        await Api.GetJsonAsync("users/me?limit=1");

        var entries = (await Control.GetJsonAsync("_emulator/requests"))["data"]!.AsArray();
        Assert.Equal(3, entries.Count);
        var q = entries[0]!;
        Assert.Equal("/v1/users/me", (string)q["path"]!);
        Assert.Equal(2048 - "/v1/users/me".Length, ((string)q["query"]!).Length);
        Assert.StartsWith("pad=qqq", (string)q["query"]!);
        Assert.True((bool)q["url_truncated"]!);
        var p = entries[1]!;
        Assert.Equal(2048, ((string)p["path"]!).Length);
        Assert.StartsWith("/v1/sources/dc_ppp", (string)p["path"]!);
        Assert.Equal("", (string)p["query"]!);
        Assert.True((bool)p["url_truncated"]!);
        Assert.Equal("limit=1", (string)entries[2]!["query"]!);
        Assert.False((bool)entries[2]!["url_truncated"]!);
    }

    [Fact]
    public async Task TheLog_IsStreamed_NotBuiltInOneBuffer()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        string body = RejectedBody(20_000);
        for (int i = 0; i < 40; i++)
        {
            using var resp = await Api.PostAsync("webhooks", TestUser.Json(body));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/requests");
        using var raw = await Control.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        // Sent as it is written: no length known up front.
        Assert.Null(raw.Content.Headers.ContentLength);
        Assert.True(raw.Headers.TransferEncodingChunked);
        var entries = (await Http.ReadJsonAsync(raw))["data"]!.AsArray();
        Assert.Equal(40, entries.Count);
        Assert.All(entries, e => Assert.True((bool)e!["body_truncated"]!));
    }

    private async Task<long[]> LoggedSeqsAsync(string query) =>
        (await Control.GetJsonAsync("_emulator/requests" + query))["data"]!.AsArray().Select(e => (long)e!["seq"]!).ToArray();

    [Fact]
    public async Task Limit_GivesTheNewestEntries_OldestFirst_AfterSince()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        for (int i = 0; i < 5; i++) await Api.GetJsonAsync("users/me");
        long[] all = await LoggedSeqsAsync("");
        Assert.Equal(5, all.Length);

        Assert.Equal(all[3..], await LoggedSeqsAsync("?limit=2"));
        Assert.Equal(all[4..], await LoggedSeqsAsync("?limit=1"));
        Assert.Equal(all, await LoggedSeqsAsync("?limit=100"));
        Assert.Equal(all[3..], await LoggedSeqsAsync($"?since={all[0]}&limit=2"));
        Assert.Equal(all[2..], await LoggedSeqsAsync($"?since={all[1]}&limit=9"));
        Assert.Empty(await LoggedSeqsAsync($"?since={all[4]}&limit=3"));
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("limit=1.5")]
    [InlineData("limit=")]
    [InlineData("since=1&limit=x")]
    public async Task BadLimit_Is400(string query)
    {
        using var resp = await Control.GetAsync("_emulator/requests?" + query);
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }
}
