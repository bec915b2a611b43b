using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

public sealed class FaultTests(ControlFixture fx) : ControlTests(fx), IClassFixture<ControlFixture>
{
    [Fact]
    public async Task Fault_Status_WithRetryAfterSeconds_ForTheNextNMatches()
    {
        var fault = await AddFaultAsync("""{"method": "GET", "path": "/v1/users/me/sources*", "count": 2, "action": "status", "status": 503, "retry_after": "5"}""");
        Assert.StartsWith("f_", (string)fault["id"]!);
        for (int i = 0; i < 2; i++)
        {
            using var resp = await Api.GetAsync("users/me/sources/");
            await Http.AssertErrorAsync(resp, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), resp.Headers.RetryAfter?.Delta);
        }
        using var third = await Api.GetAsync("users/me/sources");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var listed = (await Control.GetJsonAsync("_emulator/faults"))["data"]!.AsArray();
        Assert.Equal(0, (int)listed[0]!["remaining"]!);
        var log = (await Control.GetJsonAsync("_emulator/requests"))["data"]!.AsArray();
        Assert.Equal((string)fault["id"]!, (string)log[0]!["fault"]!);
        Assert.Equal(503, (int)log[0]!["status"]!);
    }

    [Fact]
    public async Task Fault_Status_WithRetryAfterHttpDate_OnlyForMatchingMethodAndPath()
    {
        var when = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await AddFaultAsync($$"""{"method": "POST", "path": "/v1/sources", "action": "status", "status": 429, "retry_after": "{{when:r}}"}""");
        await Api.GetJsonAsync("users/me/sources");  // GET: not matched
        using var other = await Api.PostAsync("webhooks?url=https://example.com", null);  // other path: not matched
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var resp = await Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests"}"""));
        await Http.AssertErrorAsync(resp, HttpStatusCode.TooManyRequests);
        Assert.Equal(when, resp.Headers.RetryAfter?.Date);
        Assert.Equal(0, (int)(await Api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task Fault_Delay_AnswersNormallyAfterTheDelay()
    {
        await AddFaultAsync("""{"path": "/v1/users/me", "action": "delay", "delay_ms": 300}""");
        var sw = Stopwatch.StartNew();
        var me = await Api.GetJsonAsync("users/me");
        Assert.True(sw.ElapsedMilliseconds >= 280, $"took {sw.ElapsedMilliseconds} ms");
        Assert.Equal("u_emulator", (string)me["data"]!["id"]!);
    }

    [Fact]
    public async Task Fault_Abort_DropsTheConnection()
    {
        await AddFaultAsync("""{"path": "/v1/users/me", "action": "abort"}""");
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.GetAsync("users/me"));
        await Api.GetJsonAsync("users/me");
    }

    [Fact]
    public async Task Fault_Truncate_SendsHalfTheJson()
    {
        await NewSourceAsync("a");
        using var full = await Api.GetAsync("users/me/sources");
        byte[] fullBody = await full.Content.ReadAsByteArrayAsync();
        await AddFaultAsync("""{"path": "/v1/users/me/sources", "action": "truncate"}""");
        using var resp = await Api.GetAsync("users/me/sources");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        byte[] half = await resp.Content.ReadAsByteArrayAsync();
        Assert.Equal(fullBody.Length / 2, half.Length);
        Assert.Equal(fullBody[..half.Length], half);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(half));
    }

    /// <summary>An API client that counts the connections it opens.</summary>
    private HttpClient CountingApiClient(out Func<int> connections)
    {
        int opened = 0;
        connections = () => Volatile.Read(ref opened);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref opened);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(Fx.Host.BaseUri + "/") };
        client.DefaultRequestHeaders.Authorization = Http.Bearer(ControlFixture.Key);
        return client;
    }

    [Fact]
    public async Task Fault_Truncate_OnABodilessAnswer_AnswersItAsItIs()
    {
        using var api = CountingApiClient(out var connections);
        using var created = await api.PostAsync("webhooks?url=https://example.com/hook", null);
        string hook = (string)(await Http.ReadJsonAsync(created))["data"]!["id"]!;
        string source = await NewSourceAsync();
        await AddFaultAsync("""{"method": "DELETE", "path": "/v1/*", "count": 2, "action": "truncate"}""");

        using var noContent = await api.DeleteAsync($"webhooks/{hook}");
        Assert.Equal(HttpStatusCode.NoContent, noContent.StatusCode);
        Assert.Empty(await noContent.Content.ReadAsByteArrayAsync());

        using var emptyOk = await api.DeleteAsync($"sources/{source}");
        Assert.Equal(HttpStatusCode.OK, emptyOk.StatusCode);
        Assert.Equal(0, emptyOk.Content.Headers.ContentLength);
        Assert.Empty(await emptyOk.Content.ReadAsByteArrayAsync());

        // A handler that throws once the answer has started makes the server drop the connection.
        await api.GetJsonAsync("users/me");
        Assert.Equal(1, connections());

        var log = (await Control.GetJsonAsync("_emulator/requests"))["data"]!.AsArray();
        var deletes = log.Where(e => (string)e!["method"]! == "DELETE").ToArray();
        Assert.Equal([204, 200], deletes.Select(e => (int)e!["status"]!));
        Assert.All(deletes, e => Assert.NotNull((string?)e!["fault"]));
    }

    [Fact]
    public async Task Fault_NonJson_AnswersHtml()
    {
        await AddFaultAsync("""{"path": "*", "action": "non_json", "status": 502}""");
        using var resp = await Api.GetAsync("users/me");
        Assert.Equal(HttpStatusCode.BadGateway, resp.StatusCode);
        Assert.Equal("text/html", resp.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await resp.Content.ReadAsStringAsync());

        await AddFaultAsync("""{"action": "non_json"}""");
        using var ok = await Api.GetAsync("users/me");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/html", ok.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Fault_NoData_AnswersAnEmptyObject_WithoutRunningTheHandler()
    {
        await AddFaultAsync("""{"method": "POST", "path": "/v1/sources", "action": "no_data"}""");
        using var resp = await Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests"}"""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("application/json", resp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, resp.Content.Headers.ContentLength);
        Assert.Equal("{}", await resp.Content.ReadAsStringAsync());
        Assert.Equal(0, (int)(await Api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
    }

    private async Task<(JsonNode Page, string Text)> GetPageAsync(string url)
    {
        using var resp = await Api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        byte[] body = await resp.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, resp.Content.Headers.ContentLength);
        string text = System.Text.Encoding.UTF8.GetString(body);
        return (JsonNode.Parse(text)!, text);
    }

    [Fact]
    public async Task Fault_RepeatCursor_HandsBackTheRequestsOwnAfter()
    {
        for (int i = 1; i <= 5; i++) await NewSourceAsync($"s{i}");
        var (first, _) = await GetPageAsync("users/me/sources?limit=2");
        string after = (string)first["page_info"]!["end_cursor"]!;
        var (second, _) = await GetPageAsync($"users/me/sources?limit=2&after={after}");
        Assert.NotEqual(after, (string)second["page_info"]!["end_cursor"]!);

        await AddFaultAsync("""{"path": "/v1/users/me/sources", "action": "repeat_cursor"}""");
        var (repeated, _) = await GetPageAsync($"users/me/sources?limit=2&after={after}");
        Assert.Equal(Http.Ids(second), Http.Ids(repeated));
        Assert.Equal(after, (string)repeated["page_info"]!["end_cursor"]!);
        Assert.Equal((string)second["page_info"]!["start_cursor"]!, (string)repeated["page_info"]!["start_cursor"]!);
        Assert.Equal(5, (int)repeated["page_info"]!["total_count"]!);

        // One use: the next request gets the real cursor again.
        var (after2, _) = await GetPageAsync($"users/me/sources?limit=2&after={after}");
        Assert.Equal((string)second["page_info"]!["end_cursor"]!, (string)after2["page_info"]!["end_cursor"]!);
    }

    [Fact]
    public async Task Fault_RepeatCursor_HandsBackTheRequestsOwnBefore_OnEventLists()
    {
        string wf = (string)(await Http.ReadJsonAsync(await Control.PostAsync("_emulator/workflows", TestUser.Json("{}"))))["data"]!["id"]!;
        using var emitted = await Control.PostAsync("_emulator/emit", TestUser.Json($$"""{"emitter_id": "{{wf}}", "count": 5}"""));
        var ids = (await Http.ReadJsonAsync(emitted))["data"]!["ids"]!.AsArray().Select(x => (string)x!).ToArray();

        await AddFaultAsync("""{"path": "/v1/workflows/*", "action": "repeat_cursor"}""");
        var (page, _) = await GetPageAsync($"workflows/{wf}/event_summaries?limit=2&before={ids[1]}");
        Assert.Equal(ids[1], (string)page["page_info"]!["start_cursor"]!);
        Assert.Equal([ids[3], ids[2]], Http.Ids(page));
        Assert.Equal(ids[2], (string)page["page_info"]!["end_cursor"]!);
    }

    [Fact]
    public async Task Fault_RepeatCursor_WithoutACursor_AnswersUnchanged_AndIsUsedUp()
    {
        await NewSourceAsync("a");
        await NewSourceAsync("b");
        var (plain, plainText) = await GetPageAsync("users/me/sources?limit=1");
        var fault = await AddFaultAsync("""{"path": "/v1/users/me*", "count": 2, "action": "repeat_cursor"}""");
        var (faulted, faultedText) = await GetPageAsync("users/me/sources?limit=1");
        Assert.Equal(plainText, faultedText);
        var me = await Api.GetJsonAsync($"users/me?after={plain["page_info"]!["end_cursor"]}");
        Assert.Equal("u_emulator", (string)me["data"]!["id"]!);

        Assert.Equal(0, (int)(await Control.GetJsonAsync("_emulator/faults"))["data"]![0]!["remaining"]!);
        var log = (await Control.GetJsonAsync("_emulator/requests?limit=2"))["data"]!.AsArray();
        Assert.All(log, e => Assert.Equal((string)fault["id"]!, (string)e!["fault"]!));
    }

    public static TheoryData<string> Actions() => new(FaultStore.Actions);

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EveryAction_IsAccepted_AndShownInTheFault(string action)
    {
        var fault = await AddFaultAsync($$"""{"path": "/v1/nothing", "action": "{{action.ToUpperInvariant()}}"}""");
        Assert.Equal(action, (string)fault["action"]!);
        Assert.Equal(action == "status" ? 503 : 200, (int)fault["status"]!);
    }

    [Fact]
    public async Task Faults_DoNotTouchTheControlApi_AndCanBeCleared()
    {
        await AddFaultAsync("""{"path": "*", "count": 100}""");
        await Control.GetJsonAsync("_emulator/users");
        using var cleared = await Control.DeleteAsync("_emulator/faults");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        await Api.GetJsonAsync("users/me");
    }

    [Fact]
    public async Task Fault_WithManyStars_DoesNotStallRequestsOnLongPaths()
    {
        await AddFaultAsync("""{"path": "*a*a*a*a*a*a*a*a*a*a*b", "action": "status", "status": 503}""");
        using var api = Fx.Host.CreateApiClient();
        api.Timeout = TimeSpan.FromSeconds(10);
        string longPath = new('a', 96);
        using var unmatched = await api.GetAsync(longPath);
        await Http.AssertErrorAsync(unmatched, HttpStatusCode.NotFound);
        using var matched = await api.GetAsync(longPath + "b");
        await Http.AssertErrorAsync(matched, HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("""{"action": "explode"}""")]
    [InlineData("""{"action": "status", "status": 42}""")]
    [InlineData("""{"count": 0}""")]
    [InlineData("""{"retry_after": "tomorrow"}""")]
    [InlineData("""{"delay_ms": -1}""")]
    public async Task BadFaults_Are400(string json)
    {
        using var resp = await Control.PostAsync("_emulator/faults", TestUser.Json(json));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }
}
