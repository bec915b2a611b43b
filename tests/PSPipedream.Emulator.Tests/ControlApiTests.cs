using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>An emulator of its own: these tests change global state (faults, log, reset).</summary>
public sealed class ControlFixture : IAsyncLifetime
{
    public const string Key = "controlkey000000000000000000000a";
    public EmulatorHost Host { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(apiKey: Key);
        Control = new HttpClient { BaseAddress = Host.RootUri };
        Api = Host.CreateApiClient();
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        Api.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class ControlApiTests : IClassFixture<ControlFixture>
{
    private readonly ControlFixture _fx;
    private HttpClient Control => _fx.Control;
    private HttpClient Api => _fx.Api;

    public ControlApiTests(ControlFixture fx)
    {
        _fx = fx;
        using var resp = fx.Control.PostAsync("_emulator/reset", null).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
    }

    private async Task<JsonNode> AddFaultAsync(string json)
    {
        using var resp = await Control.PostAsync("_emulator/faults", TestUser.Json(json));
        var body = await Http.ReadJsonAsync(resp);
        Assert.True(resp.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body["data"]!;
    }

    private async Task<string> NewSourceAsync(string name = "s")
    {
        using var resp = await Api.PostAsync("sources", TestUser.Json($$"""{"component_key": "http-new-requests", "name": "{{name}}"}"""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return (string)(await Http.ReadJsonAsync(resp))["data"]!["id"]!;
    }

    [Fact]
    public async Task Reset_ClearsDataButKeepsUsersAndRegistry()
    {
        await NewSourceAsync();
        using var hook = await Api.PostAsync("webhooks?url=https://example.com", null);
        await AddFaultAsync("""{"path": "/v1/nothing", "count": 5}""");
        using var reset = await Control.PostAsync("_emulator/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(0, (int)(await Api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
        Assert.Equal(0, (int)(await Api.GetJsonAsync("users/me/webhooks"))["page_info"]!["total_count"]!);
        Assert.Equal("u_emulator", (string)(await Api.GetJsonAsync("users/me"))["data"]!["id"]!);
        await Api.GetJsonAsync("components/registry/rss-new-item-in-feed");
        Assert.Empty((await Control.GetJsonAsync("_emulator/faults"))["data"]!.AsArray());
    }

    [Fact]
    public async Task Users_ListAndAdd()
    {
        var users = (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray();
        var first = users[0]!;
        Assert.Equal("u_emulator", (string)first["id"]!);
        Assert.Equal(ControlFixture.Key, (string)first["api_key"]!);
        Assert.Equal("o_emulator", (string)first["orgs"]![0]!);

        using var added = await Control.PostAsync("_emulator/users", TestUser.Json("""{"username": "carol", "plan": "paid", "orgs": [{"id": "o_emulator"}]}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var carol = (await Http.ReadJsonAsync(added))["data"]!;
        string key = (string)carol["api_key"]!;
        Assert.Matches("^[a-z0-9]{32}$", key);
        Assert.StartsWith("u_", (string)carol["id"]!);

        using var client = _fx.Host.CreateApiClient(key);
        var me = (await client.GetJsonAsync("users/me"))["data"]!;
        Assert.Equal("carol", (string)me["username"]!);
        Assert.Equal("Emulator Org", (string)me["orgs"]![0]!["name"]!);

        using var dup = await Control.PostAsync("_emulator/users", TestUser.Json($$"""{"api_key": "{{key}}"}"""));
        await Http.AssertErrorAsync(dup, HttpStatusCode.BadRequest);
        Assert.Equal(users.Count + 1, (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Workflows_OwnedByUserOrOrg()
    {
        using var mine = await Control.PostAsync("_emulator/workflows", TestUser.Json("{}"));
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var wf = (await Http.ReadJsonAsync(mine))["data"]!;
        Assert.StartsWith("p_", (string)wf["id"]!);
        Assert.Equal("u_emulator", (string)wf["owner_id"]!);
        await Api.GetJsonAsync($"workflows/{wf["id"]}/event_summaries");

        using var org = await Control.PostAsync("_emulator/workflows", TestUser.Json("""{"owner_id": "o_emulator"}"""));
        Assert.Equal("o_emulator", (string)(await Http.ReadJsonAsync(org))["data"]!["owner_id"]!);
        using var bad = await Control.PostAsync("_emulator/workflows", TestUser.Json("""{"owner_id": "u_nobody"}"""));
        await Http.AssertErrorAsync(bad, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seed_CreatesSourcesInOrder_ForUserOrOrg()
    {
        using var resp = await Control.PostAsync("_emulator/seed", TestUser.Json("""{"count": 250, "name_prefix": "bulk-"}"""));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal(250, (int)data["count"]!);
        var page = await Api.GetJsonAsync("users/me/sources?limit=100");
        Assert.Equal(250, (int)page["page_info"]!["total_count"]!);
        Assert.Equal((string)data["ids"]![0]!, Http.Ids(page)[0]);
        Assert.Equal("bulk-1", (string)page["data"]![0]!["name"]!);

        using var org = await Control.PostAsync("_emulator/seed", TestUser.Json("""{"count": 3, "owner_id": "o_emulator"}"""));
        Assert.Equal(HttpStatusCode.Created, org.StatusCode);
        Assert.Equal(3, (int)(await Api.GetJsonAsync("orgs/o_emulator/sources"))["page_info"]!["total_count"]!);

        using var bad = await Control.PostAsync("_emulator/seed", TestUser.Json("""{"count": 0}"""));
        await Http.AssertErrorAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Emit_ValidatesEmitterAndCount()
    {
        string source = await NewSourceAsync();
        using var missing = await Control.PostAsync("_emulator/emit", TestUser.Json("""{"emitter_id": "dc_missing", "event": {}}"""));
        await Http.AssertErrorAsync(missing, HttpStatusCode.NotFound);
        using var badCount = await Control.PostAsync("_emulator/emit", TestUser.Json($$"""{"emitter_id": "{{source}}", "count": 0}"""));
        await Http.AssertErrorAsync(badCount, HttpStatusCode.BadRequest);
        using var ok = await Control.PostAsync("_emulator/emit", TestUser.Json($$"""{"emitter_id": "{{source}}", "event": {"a": 1}, "count": 3}"""));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var ids = (await Http.ReadJsonAsync(ok))["data"]!["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        Assert.Equal(3, ids.Length);
        Assert.Equal(ids.OrderBy(i => long.Parse(i.Split('-')[0])).ThenBy(i => long.Parse(i.Split('-')[1])), ids);
    }

    [Fact]
    public async Task RequestLog_RecordsApiCallsWithoutTheKey()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        await Api.GetJsonAsync("users/me/sources?limit=5");
        using var post = await Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests", "name": "logged"}"""));
        using var anon = new HttpClient { BaseAddress = _fx.Host.RootUri };
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
        Assert.Equal(401, (int)entries[2]!["status"]!);
        Assert.True((double)entries[0]!["duration_ms"]! >= 0);

        long seq = (long)entries[1]!["seq"]!;
        var since = (await Control.GetJsonAsync($"_emulator/requests?since={seq}"))["data"]!.AsArray();
        Assert.Equal((long)entries[2]!["seq"]!, (long)Assert.Single(since)!["seq"]!);
    }

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
        using var api = _fx.Host.CreateApiClient();
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
