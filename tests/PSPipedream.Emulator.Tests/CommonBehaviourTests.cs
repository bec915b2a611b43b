using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

[Collection("emulator")]
public sealed class CommonBehaviourTests(EmulatorFixture fx)
{
    [Fact]
    public async Task Include_KeepsOnlyNamedFields_OnListsAndSingleObjects()
    {
        using var u = await fx.NewUserAsync();
        await u.CreateSourceAsync("a");
        var page = await u.Api.GetJsonAsync("users/me/sources?include=id,name");
        var item = page["data"]![0]!.AsObject();
        Assert.Equal(["id", "name"], item.Select(p => p.Key).OrderBy(k => k).ToArray());
        Assert.NotNull(page["page_info"]);

        var me = (await u.Api.GetJsonAsync("users/me?include=id,email"))["data"]!.AsObject();
        Assert.Equal(["email", "id"], me.Select(p => p.Key).OrderBy(k => k).ToArray());
    }

    [Fact]
    public async Task Exclude_DropsNamedFields()
    {
        using var u = await fx.NewUserAsync();
        await u.CreateSourceAsync("a");
        var item = (await u.Api.GetJsonAsync("users/me/sources?exclude=configured_props,name_slug"))["data"]![0]!.AsObject();
        Assert.False(item.ContainsKey("configured_props"));
        Assert.False(item.ContainsKey("name_slug"));
        Assert.True(item.ContainsKey("id"));
    }

    [Fact]
    public async Task IncludeInTheBodyOfAPost()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests", "include": "id"}"""));
        var data = (await Http.ReadJsonAsync(resp))["data"]!.AsObject();
        Assert.Equal(["id"], data.Select(p => p.Key).ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer wrongkeywrongkeywrongkeywrongkey")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MissingOrWrongKey_Is401Json(string? header)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUri + "/") };
        using var req = new HttpRequestMessage(HttpMethod.Get, "users/me/sources");
        if (header is not null) req.Headers.TryAddWithoutValidation("Authorization", header);
        using var resp = await client.SendAsync(req);
        await Http.AssertErrorAsync(resp, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EveryRoute_NeedsTheKey()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUri + "/") };
        foreach (var (method, path) in new[]
        {
            ("GET", "users/me"), ("GET", "users/me/webhooks"), ("GET", "orgs/o_emulator/sources"), ("POST", "sources"),
            ("PUT", "sources/dc_x"), ("DELETE", "sources/dc_x"), ("POST", "subscriptions"), ("DELETE", "subscriptions"),
            ("POST", "auto_subscriptions"), ("POST", "webhooks"), ("GET", "workflows/p_x/$errors/event_summaries"),
        })
        {
            using var resp = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(resp.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} gave {(int)resp.StatusCode}");
        }
    }

    [Fact]
    public async Task UsersAreIsolated()
    {
        using var alice = await fx.NewUserAsync();
        using var bob = await fx.NewUserAsync();
        var source = await alice.CreateSourceAsync("alice's");
        string id = (string)source["id"]!;
        await alice.EmitAsync(id);

        Assert.Equal(0, (int)(await bob.Api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
        await bob.Api.GetJsonAsync($"sources/{id}/event_summaries", HttpStatusCode.NotFound);
        var (status, _) = await bob.Api.SendAsync(HttpMethod.Put, $"sources/{id}", TestUser.Json("""{"name": "mine now"}"""));
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await bob.Api.SendAsync(HttpMethod.Delete, $"sources/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await bob.Api.SendAsync(HttpMethod.Delete, $"sources/{id}/events");
        Assert.Equal(HttpStatusCode.NotFound, status);

        string wf = await bob.CreateWorkflowAsync();
        (status, _) = await bob.Api.SendAsync(HttpMethod.Post, $"subscriptions?emitter_id={id}&listener_id={wf}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        await alice.Api.GetJsonAsync($"workflows/{wf}/event_summaries", HttpStatusCode.NotFound);

        using var hook = await alice.Api.PostAsync("webhooks?url=https://example.com", null);
        string hookId = (string)(await Http.ReadJsonAsync(hook))["data"]!["id"]!;
        (status, _) = await bob.Api.SendAsync(HttpMethod.Delete, $"webhooks/{hookId}");
        Assert.Equal(HttpStatusCode.NotFound, status);

        // Alice's own component is hers alone.
        using var comp = await alice.Api.PostAsync("components", TestUser.Json(new JsonObject { ["component_code"] = "module.exports = { key: \"alice-only\", props: {} };" }));
        string compId = (string)(await Http.ReadJsonAsync(comp))["data"]!["id"]!;
        await bob.Api.GetJsonAsync($"components/{compId}", HttpStatusCode.NotFound);
        await bob.Api.GetJsonAsync("components/alice-only", HttpStatusCode.NotFound);

        // Nothing of Alice's changed.
        var again = (await alice.Api.GetJsonAsync("users/me/sources"))["data"]![0]!;
        Assert.Equal("alice's", (string)again["name"]!);
        Assert.Equal(1, (int)(await alice.Api.GetJsonAsync($"sources/{id}/event_summaries"))["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task OrgMembers_ShareOrgResources()
    {
        string shared = "o_shared" + Guid.NewGuid().ToString("N")[..6];
        using var alice = await TestUser.CreateAsync(fx.Host, fx.Control, extraOrg: shared);
        using var bob = await TestUser.CreateAsync(fx.Host, fx.Control, extraOrg: shared);
        var s = await alice.CreateSourceAsync("team", orgId: shared);
        Assert.Equal([(string)s["id"]!], Http.Ids(await bob.Api.GetJsonAsync($"orgs/{shared}/sources")));
        var (status, json) = await bob.Api.SendAsync(HttpMethod.Put, $"sources/{s["id"]}", TestUser.Json("""{"name": "renamed by bob"}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("renamed by bob", (string)json!["data"]!["name"]!);
    }

    [Fact]
    public async Task OrgId_OnCreate_403WhenNotMember_404WhenUnknown()
    {
        using var alice = await fx.NewUserAsync();
        using var bob = await fx.NewUserAsync();
        var body = new JsonObject { ["component_key"] = "http-new-requests" };
        using var r403 = await bob.Api.PostAsync($"sources?org_id={alice.OrgId}", TestUser.Json(body));
        await Http.AssertErrorAsync(r403, HttpStatusCode.Forbidden);
        using var r404 = await bob.Api.PostAsync("sources?org_id=o_doesnotexist", TestUser.Json(body));
        await Http.AssertErrorAsync(r404, HttpStatusCode.NotFound);
        using var w403 = await bob.Api.PostAsync($"webhooks?url=https://example.com&org_id={alice.OrgId}", null);
        await Http.AssertErrorAsync(w403, HttpStatusCode.Forbidden);
        await bob.Api.GetJsonAsync($"orgs/{alice.OrgId}/sources", HttpStatusCode.Forbidden);
        await bob.Api.GetJsonAsync($"orgs/{alice.OrgId}/subscriptions", HttpStatusCode.Forbidden);
        await bob.Api.GetJsonAsync("orgs/o_doesnotexist/sources", HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await alice.Api.GetJsonAsync($"orgs/{alice.OrgId}/sources"))["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task OrgId_InQueryOrBody_PutsTheResourceInTheOrg()
    {
        using var u = await fx.NewUserAsync();
        using var q = await u.Api.PostAsync($"webhooks?url=https://example.com&org_id={u.OrgId}", null);
        Assert.Equal(u.OrgId, (string)(await Http.ReadJsonAsync(q))["data"]!["org_id"]!);
        var s = await u.CreateSourceAsync("in body", orgId: u.OrgId);
        Assert.Equal(u.OrgId, (string)s["org_id"]!);
        Assert.Equal(u.Id, (string)s["user_id"]!);
    }

    [Fact]
    public async Task UnknownRoute_Is404Json_WrongMethod_Is405WithAllow()
    {
        using var u = await fx.NewUserAsync();
        using var r404 = await u.Api.GetAsync("no/such/thing");
        await Http.AssertErrorAsync(r404, HttpStatusCode.NotFound);
        using var r405 = await u.Api.PostAsync("users/me", TestUser.Json("{}"));
        await Http.AssertErrorAsync(r405, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", r405.Content.Headers.Allow);
        using var d405 = await u.Api.DeleteAsync("users/me/sources");
        await Http.AssertErrorAsync(d405, HttpStatusCode.MethodNotAllowed);
        using var g405 = await u.Api.GetAsync("sources/dc_x");
        await Http.AssertErrorAsync(g405, HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("v2/users/me", "Did you mean /v1/users/me?")]
    [InlineData("v0/sources/dc_x/event_summaries?limit=1", "Did you mean /v1/sources/dc_x/event_summaries?")]
    [InlineData("v2", "Did you mean /v1?")]
    public async Task AnotherApiVersion_Is404_WithTheV1Path(string path, string hint)
    {
        using var client = new HttpClient { BaseAddress = fx.Host.RootUri };
        using var answer = await client.GetAsync(path);
        await Http.AssertErrorAsync(answer, HttpStatusCode.NotFound);
        var message = (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!;
        Assert.Contains(hint, message);
    }

    [Fact]
    public async Task UnknownRouteUnderV1_HasNoVersionHint()
    {
        using var u = await fx.NewUserAsync();
        using var answer = await u.Api.GetAsync("no/such/thing");
        var message = (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("no route GET /v1/no/such/thing", message);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        using var u = await fx.NewUserAsync();
        string big = "{\"name\": \"" + new string('x', 1_100_000) + "\"}";
        using var resp = await u.Api.PostAsync("sources", TestUser.Json(big));
        await Http.AssertErrorAsync(resp, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain", "component_key=http-new-requests")]
    [InlineData("application/x-www-form-urlencoded", "component_key=http-new-requests")]
    [InlineData("application/xml", "<source/>")]
    [InlineData(null, "not json at all")]
    public async Task NonJsonBody_Is415(string? contentType, string body)
    {
        using var u = await fx.NewUserAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var resp = await u.Api.PostAsync("sources", content);
        await Http.AssertErrorAsync(resp, HttpStatusCode.UnsupportedMediaType);
        var put = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) put.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var presp = await u.Api.PutAsync("sources/dc_x", put);
        await Http.AssertErrorAsync(presp, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{\"component_key\": ")]
    [InlineData("[1, 2]")]
    public async Task MalformedJson_Is400(string body)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources", TestUser.Json(body));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    public static TheoryData<byte[]> InvalidUtf8 => new()
    {
        Encoding.UTF8.GetBytes("{\"name\": \"a").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("b\"}")).ToArray(),
        Encoding.UTF8.GetBytes("{\"name\": \"").Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(),
        Encoding.UTF8.GetBytes("{\"name\": \"").Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(),
        new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task InvalidUtf8_Is400_SayingSo(byte[] body)
    {
        using var u = await fx.NewUserAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var resp = await u.Api.PostAsync("sources", content);
        var json = await Http.ReadJsonAsync(resp);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Equal("the request body is not valid UTF-8", (string)json["error"]!);
    }

    [Fact]
    public async Task AByteOrderMark_BeforeAJsonBody_IsSkipped()
    {
        using var u = await fx.NewUserAsync();
        byte[] body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"component_key": "http-new-requests", "name": "bom"}""")).ToArray();
        foreach (string? contentType in new[] { "application/json", null })
        {
            var content = new ByteArrayContent(body);
            if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            using var resp = await u.Api.PostAsync("sources", content);
            var json = await Http.ReadJsonAsync(resp);
            Assert.True(resp.StatusCode == HttpStatusCode.OK, json.ToJsonString());
            Assert.Equal("bom", (string)json["data"]!["name"]!);
        }

        // The control API reads its bodies the same way.
        var seed = new ByteArrayContent(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($$"""{"count": 1, "owner_id": "{{u.Id}}"}""")).ToArray());
        seed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var seeded = await u.Control.PostAsync("_emulator/seed", seed);
        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
    }

    [Fact]
    public async Task JsonWithoutContentType_IsAccepted()
    {
        using var u = await fx.NewUserAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"component_key": "http-new-requests", "name": "untyped"}"""));
        using var resp = await u.Api.PostAsync("sources", content);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
    }

    [Theory]
    [InlineData("""{"timer": {"intervalSeconds": 60}}""", """{"timer": {"cron": null, "interval_seconds": 60}}""")]
    [InlineData("""{"timer": {"cron": "0 0 * * *"}}""", """{"timer": {"cron": "0 0 * * *", "interval_seconds": null}}""")]
    [InlineData("""{"timer": {"cron": null, "interval_seconds": 900}}""", """{"timer": {"cron": null, "interval_seconds": 900}}""")]
    [InlineData("""{"url": "https://x", "n": {"a": 1}}""", """{"url": "https://x", "n": {"a": 1}}""")]
    public async Task TimerProps_AreNormalised(string propsIn, string propsOut)
    {
        using var u = await fx.NewUserAsync();
        var s = await u.CreateSourceAsync(props: JsonNode.Parse(propsIn)!.AsObject());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(propsOut), s["configured_props"]), s["configured_props"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"timer": {"intervalSeconds": 5}}""")]
    [InlineData("""{"timer": {"intervalSeconds": "soon"}}""")]
    [InlineData("""{"timer": {"cron": "every day"}}""")]
    public async Task BadTimerProps_Are400(string props)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources", TestUser.Json($$"""{"component_key": "http-new-requests", "configured_props": {{props}}}"""));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BigEvents_AreTruncated_UnlessExpanded()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        var big = new JsonObject { ["text"] = new string('y', 2000) };
        await u.EmitAsync(id, big);
        await u.EmitAsync(id, new JsonObject { ["small"] = true });

        var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries");
        var small = page["data"]![0]!;
        Assert.True((bool)small["event"]!["small"]!);
        Assert.Null(small["truncated"]);
        var cut = page["data"]![1]!;
        string text = (string)cut["event"]!;
        Assert.Equal(1024, text.Length);
        Assert.StartsWith("{\"text\":\"yyy", text);
        Assert.True((bool)cut["truncated"]!);

        var expanded = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?expand=event");
        Assert.Equal(2000, ((string)expanded["data"]![1]!["event"]!["text"]!).Length);
        Assert.Null(expanded["data"]![1]!["truncated"]);
    }

    [Fact]
    public async Task BigEvents_AreCutAt1024Bytes_NotCharacters()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        // 700 two-byte characters: about 1400 bytes of JSON, but fewer than 1024 characters.
        await u.EmitAsync(id, new JsonObject { ["text"] = new string('\u00e9', 700) });
        var cut = (await u.Api.GetJsonAsync($"sources/{id}/event_summaries"))["data"]![0]!;
        string text = (string)cut["event"]!;
        Assert.True((bool)cut["truncated"]!);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1023, 1024);
        Assert.StartsWith("{\"text\":\"\u00e9\u00e9", text);
        Assert.EndsWith("\u00e9", text);
    }

    [Fact]
    public async Task EventOfExactly1024Bytes_IsNotTruncated()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        // {"s":"..."} is 8 bytes plus the string.
        await u.EmitAsync(id, new JsonObject { ["s"] = new string('x', 1016) });
        await u.EmitAsync(id, new JsonObject { ["s"] = new string('x', 1017) });
        var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries");
        Assert.Equal(1024, ((string)page["data"]![0]!["event"]!).Length);
        Assert.True((bool)page["data"]![0]!["truncated"]!);
        Assert.Equal(1016, ((string)page["data"]![1]!["event"]!["s"]!).Length);
        Assert.Null(page["data"]![1]!["truncated"]);
    }

    [Theory]
    [InlineData("users/me")]
    [InlineData("users/me/sources?limit=1")]
    [InlineData("users/me/subscriptions")]
    [InlineData("components/registry/github-new-repository")]
    public async Task Head_AnswersLikeGet_WithoutABody(string path)
    {
        using var u = await fx.NewUserAsync();
        using var get = await u.Api.GetAsync(path);
        using var head = await u.Api.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var missing = await u.Api.SendAsync(new HttpRequestMessage(HttpMethod.Head, "sources/dc_nothere/event_summaries"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var noKey = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUri + "/") };
        using var anon = await noKey.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.Unauthorized, anon.StatusCode);
    }

    [Theory]
    [InlineData("""{"component_key": "http-new-requests", "name": "a\ud800b"}""")]
    [InlineData("""{"component_key": "http-new-requests", "configured_props": {"x\udc00": 1}}""")]
    public async Task LoneSurrogateEscape_Is400(string body)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources", TestUser.Json(body));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task QueryStringWinsOverBody_ForActiveNameAndProps()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources?active=false&name=from-query&configured_props=%7B%22q%22%3A1%7D",
            TestUser.Json("""{"component_key": "http-new-requests", "active": true, "name": 5, "configured_props": {"b": 2}}"""));
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.False((bool)data["active"]!);
        Assert.Equal("from-query", (string)data["name"]!);
        Assert.Equal(1, (int)data["configured_props"]!["q"]!);
        Assert.Null(data["configured_props"]!["b"]);
    }

    [Fact]
    public async Task Timestamps_AreUnixSeconds_AndIdsHavePrefixes()
    {
        using var u = await fx.NewUserAsync();
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var s = await u.CreateSourceAsync();
        long after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange((long)s["created_at"]!, before, after);
        Assert.Matches("^dc_[A-Za-z0-9]+$", (string)s["id"]!);
        Assert.StartsWith("u_", u.Id);
        Assert.StartsWith("o_", u.OrgId);
    }
}
