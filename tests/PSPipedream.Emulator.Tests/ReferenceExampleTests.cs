using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>The example requests of the API reference, sent to the emulator with its base URL.</summary>
[Collection("emulator")]
public sealed class ReferenceExampleTests(EmulatorFixture fx)
{
    private const string RssUrl = "https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js";

    [Fact]
    public async Task GetCurrentUser_FreeUser_HasOrgsAndQuotas()
    {
        using var u = await fx.NewUserAsync();
        var data = (await u.Api.GetJsonAsync("users/me"))["data"]!;
        Assert.Equal(u.Id, (string)data["id"]!);
        Http.AssertKeys(data, "id", "username", "email", "orgs", "daily_compute_time_quota", "daily_compute_time_used",
            "daily_invocations_quota", "daily_invocations_used");
        var org = data["orgs"]![0]!;
        Assert.Equal(u.OrgId, (string)org["id"]!);
        Http.AssertKeys(org, "name", "id", "orgname", "email");
        Assert.Null(data["billing_period_start_ts"]);
    }

    [Fact]
    public async Task GetCurrentUser_PaidUser_HasBillingFields()
    {
        using var u = await fx.NewUserAsync(plan: "paid");
        var data = (await u.Api.GetJsonAsync("users/me"))["data"]!;
        Http.AssertKeys(data, "id", "username", "email", "billing_period_start_ts", "billing_period_end_ts", "billing_period_invocations");
        Assert.True((long)data["billing_period_end_ts"]! > (long)data["billing_period_start_ts"]!);
        Assert.Null(data["daily_invocations_quota"]);
    }

    [Fact]
    public async Task CreateComponent_FromRssUrl_ReturnsRssComponent()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("components", TestUser.Json($$"""{"component_url": "{{RssUrl}}"}"""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.StartsWith("sc_", (string)data["id"]!);
        Assert.Equal("rss", (string)data["name"]!);
        Assert.Equal("0.0.1", (string)data["version"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)data["code_hash"]!);
        Assert.False(string.IsNullOrEmpty((string)data["code"]!));
        var props = data["configurable_props"]!.AsArray();
        Assert.Equal("url", (string)props[0]!["name"]!);
        Assert.Equal("Feed URL", (string)props[0]!["label"]!);
        Assert.Equal("$.interface.timer", (string)props[1]!["type"]!);
        Assert.Equal(900, (int)props[1]!["default"]!["intervalSeconds"]!);
        Assert.True((long)data["created_at"]! > 1_500_000_000 && (long)data["created_at"]! < 10_000_000_000);
    }

    [Fact]
    public async Task CreateComponent_FromCode_ParsesKeyNameVersionAndProps()
    {
        using var u = await fx.NewUserAsync();
        const string code = """
            module.exports = {
              key: "my-component",
              name: "My Component",
              version: "0.2.1",
              props: {
                greeting: { type: "string", label: "Greeting", description: "What to say", default: "hi" },
                timer: { type: "$.interface.timer", default: { intervalSeconds: 60 } },
                http: "$.interface.http",
              },
              async run() { this.$emit({ name: "x" }); },
            };
            """;
        using var resp = await u.Api.PostAsync("components", TestUser.Json(new JsonObject { ["component_code"] = code }));
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("My Component", (string)data["name"]!);
        Assert.Equal("0.2.1", (string)data["version"]!);
        var props = data["configurable_props"]!.AsArray();
        Assert.Equal(["greeting", "timer", "http"], props.Select(p => (string)p!["name"]!).ToArray());
        Assert.Equal("Greeting", (string)props[0]!["label"]!);
        Assert.Equal("hi", (string)props[0]!["default"]!);
        Assert.Equal(60, (int)props[1]!["default"]!["intervalSeconds"]!);
        Assert.Equal("$.interface.http", (string)props[2]!["type"]!);

        // Get a component: by key, as the reference's example, and by id.
        var byKey = (await u.Api.GetJsonAsync("components/my-component"))["data"]!;
        Assert.Equal((string)data["id"]!, (string)byKey["id"]!);
        var byId = (await u.Api.GetJsonAsync($"components/{data["id"]}"))["data"]!;
        Assert.Equal("my-component", (string)byId["key"]!);
    }

    [Fact]
    public async Task CreateComponent_HugeTimerDefaultInCode_IsNotAServerError()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("components", TestUser.Json(new JsonObject
        {
            ["component_code"] = "module.exports = { key: \"big\", props: { timer: { type: \"$.interface.timer\", default: { intervalSeconds: 99999999999999999999999 } } } };",
        }));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var prop = (await Http.ReadJsonAsync(resp))["data"]!["configurable_props"]![0]!;
        Assert.Equal("timer", (string)prop["name"]!);
        Assert.Equal("$.interface.timer", (string)prop["type"]!);
    }

    [Fact]
    public async Task CreateComponent_WithNeitherCodeNorUrl_Is400()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("components", TestUser.Json("{}"));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetRegistryComponent_GithubNewRepository()
    {
        using var u = await fx.NewUserAsync();
        var data = (await u.Api.GetJsonAsync("components/registry/github-new-repository"))["data"]!;
        Http.AssertKeys(data, "id", "code", "code_hash", "name", "version", "configurable_props", "created_at", "updated_at");
        Assert.Equal("github-new-repository", (string)data["key"]!);
        await u.Api.GetJsonAsync("components/registry/no-such-component", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateSource_ReferenceExample_NormalisesTimer()
    {
        using var u = await fx.NewUserAsync();
        string body = """{"component_url": "URL", "name": "your-name-here", "configured_props": { "url": "https://rss.m.pipedream.net", "timer": { "intervalSeconds": 60 }}}""".Replace("URL", RssUrl);
        using var resp = await u.Api.PostAsync("sources", TestUser.Json(body));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.StartsWith("dc_", (string)data["id"]!);
        Assert.Equal(u.Id, (string)data["user_id"]!);
        Assert.StartsWith("sc_", (string)data["component_id"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"url": "https://rss.m.pipedream.net", "timer": {"cron": null, "interval_seconds": 60}}"""),
            data["configured_props"]), data["configured_props"]!.ToJsonString());
        Assert.True((bool)data["active"]!);
        Assert.Equal((long)data["created_at"]!, (long)data["updated_at"]!);
        Assert.Equal("your-name-here", (string)data["name"]!);
        Assert.Equal("your-name-here", (string)data["name_slug"]!);

        // The component it made is the rss one.
        var component = (await u.Api.GetJsonAsync($"components/{data["component_id"]}"))["data"]!;
        Assert.Equal("rss", (string)component["name"]!);
    }

    [Fact]
    public async Task CreateSource_WithoutName_UsesComponentNameSlug()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("sources/", TestUser.Json($$"""{"component_url": "{{RssUrl}}"}"""));
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal("rss", (string)data["name"]!);
        Assert.Equal("rss", (string)data["name_slug"]!);
    }

    [Fact]
    public async Task CreateSource_FromComponentId_AndFromCode()
    {
        using var u = await fx.NewUserAsync();
        using var c = await u.Api.PostAsync("components", TestUser.Json($$"""{"component_url": "{{RssUrl}}"}"""));
        string componentId = (string)(await Http.ReadJsonAsync(c))["data"]!["id"]!;
        using var s1 = await u.Api.PostAsync("sources", TestUser.Json($$"""{"component_id": "{{componentId}}", "name": "From Id"}"""));
        var d1 = (await Http.ReadJsonAsync(s1))["data"]!;
        Assert.Equal(componentId, (string)d1["component_id"]!);
        Assert.Equal("from-id", (string)d1["name_slug"]!);

        var code = new JsonObject { ["component_code"] = "module.exports = { key: \"k1\", name: \"Coded\", props: {}, async run() {} };" };
        using var s2 = await u.Api.PostAsync("sources", TestUser.Json(code));
        var d2 = (await Http.ReadJsonAsync(s2))["data"]!;
        Assert.Equal("coded", (string)d2["name"]!);

        using var s3 = await u.Api.PostAsync("sources", TestUser.Json("""{"component_id": "sc_nothere"}"""));
        await Http.AssertErrorAsync(s3, HttpStatusCode.NotFound);
        using var s4 = await u.Api.PostAsync("sources", TestUser.Json("""{"name": "no component"}"""));
        await Http.AssertErrorAsync(s4, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListCurrentUserSources_ShapeAndTrailingSlash()
    {
        using var u = await fx.NewUserAsync();
        for (int i = 0; i < 12; i++) await u.CreateSourceAsync($"test {i}");
        foreach (string path in new[] { "users/me/sources", "users/me/sources/" })
        {
            var page = await u.Api.GetJsonAsync(path);
            var info = page["page_info"]!;
            Assert.Equal(12, (int)info["total_count"]!);
            Assert.Equal(10, (int)info["count"]!);
            Assert.Equal(10, page["data"]!.AsArray().Count);
            Assert.False(string.IsNullOrEmpty((string)info["start_cursor"]!));
            Assert.False(string.IsNullOrEmpty((string)info["end_cursor"]!));
            Http.AssertKeys(page["data"]![0]!, "id", "component_id", "configured_props", "active", "created_at", "updated_at", "name", "name_slug");
            Assert.Equal("test 0", (string)page["data"]![0]!["name"]!);
        }
    }

    [Fact]
    public async Task PaginatedRequest_Example_LimitThreeAfterCursor()
    {
        using var u = await fx.NewUserAsync();
        for (int i = 0; i < 7; i++) await u.CreateSourceAsync($"p{i}");
        var first = await u.Api.GetJsonAsync("users/me/sources?limit=3");
        string cursor = (string)first["page_info"]!["end_cursor"]!;
        var page = await u.Api.GetJsonAsync($"users/me/sources?limit=3&after={cursor}");
        Assert.Equal(3, (int)page["page_info"]!["count"]!);
        Assert.Equal(7, (int)page["page_info"]!["total_count"]!);
        Assert.Equal(["p3", "p4", "p5"], page["data"]!.AsArray().Select(s => (string)s!["name"]!).ToArray());
    }

    [Fact]
    public async Task PaginatedRequest_Example_AsWritten()
    {
        using var u = await fx.NewUserAsync();
        for (int i = 0; i < 3; i++) await u.CreateSourceAsync($"p{i}");
        // The reference's cursor names no source here: a page, not an error.
        var page = await u.Api.GetJsonAsync("users/me/sources?limit=3&after=ZGNfSzB1QWVl");
        Assert.Equal(3, (int)page["page_info"]!["total_count"]!);
        Assert.NotNull(page["page_info"]!["count"]);
        Assert.NotNull(page["data"]!.AsArray());
    }

    [Fact]
    public async Task UpdateSource_ChangesGivenFieldsOnly()
    {
        using var u = await fx.NewUserAsync();
        // A timer source: its props are checked exactly, and it has no HTTP prop for the server to add an endpoint to.
        using var created = await u.Api.PostAsync("sources",
            TestUser.Json("""{"component_key": "schedule-every-interval", "name": "before", "configured_props": {"timer": {"intervalSeconds": 60}}}"""));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        string id = (string)(await Http.ReadJsonAsync(created))["data"]!["id"]!;
        var (status, json) = await u.Api.SendAsync(HttpMethod.Put, $"sources/{id}", TestUser.Json("""{"active": false}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        var data = json!["data"]!;
        Assert.False((bool)data["active"]!);
        Assert.Equal("before", (string)data["name"]!);
        Assert.Equal(60, (int)data["configured_props"]!["timer"]!["interval_seconds"]!);

        (status, json) = await u.Api.SendAsync(HttpMethod.Put, $"sources/{id}",
            TestUser.Json("""{"name": "After It", "configured_props": {"timer": {"cron": "0 0 * * *"}}}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        data = json!["data"]!;
        Assert.Equal("After It", (string)data["name"]!);
        Assert.Equal("after-it", (string)data["name_slug"]!);
        Assert.False((bool)data["active"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"timer": {"cron": "0 0 * * *", "interval_seconds": null}}"""), data["configured_props"]));

        var listed = await u.Api.GetJsonAsync("users/me/sources");
        Assert.Equal("After It", (string)listed["data"]![0]!["name"]!);

        (status, _) = await u.Api.SendAsync(HttpMethod.Put, "sources/dc_nothere", TestUser.Json("""{"active": true}"""));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task DeleteSource_RemovesItFromTheList()
    {
        using var u = await fx.NewUserAsync();
        var s = await u.CreateSourceAsync("doomed");
        using var resp = await u.Api.DeleteAsync($"sources/{s["id"]}");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Empty(await resp.Content.ReadAsByteArrayAsync());
        var page = await u.Api.GetJsonAsync("users/me/sources");
        Assert.Equal(0, (int)page["page_info"]!["total_count"]!);
        using var again = await u.Api.DeleteAsync($"sources/{s["id"]}");
        await Http.AssertErrorAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SourceEvents_LimitAndShape()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        await u.EmitAsync(id, new JsonObject { ["name"] = "Luke" }, count: 3);
        var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?limit=2");
        Assert.Equal(3, (int)page["page_info"]!["total_count"]!);
        Assert.Equal(2, (int)page["page_info"]!["count"]!);
        var e = page["data"]![0]!;
        Http.AssertKeys(e, "id", "indexed_at_ms", "event", "metadata");
        Assert.Matches(@"^\d+-\d+$", (string)e["id"]!);
        Assert.Equal("Luke", (string)e["event"]!["name"]!);
        Assert.Equal(id, (string)e["metadata"]!["emitter_id"]!);
        Assert.Equal("", (string)e["metadata"]!["name"]!);
        Assert.False(string.IsNullOrEmpty((string)e["metadata"]!["emit_id"]!));
        Assert.Equal((string)e["id"]!, (string)page["page_info"]!["start_cursor"]!);
    }

    [Fact]
    public async Task SourceEvents_KeepsTheLast100()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        var ids = (await u.EmitAsync(id, count: 130))["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?limit=100");
        Assert.Equal(100, (int)page["page_info"]!["total_count"]!);
        var listed = Http.Ids(page);
        Assert.Equal(ids[^1], listed[0]);
        Assert.Equal(ids[30], listed[^1]);
    }

    private async Task<(TestUser User, string SourceId, string[] EventIds)> ThreeEventsAsync()
    {
        var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        var ids = (await u.EmitAsync(id, count: 3))["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        return (u, id, ids);
    }

    private static async Task<string[]> EventIdsAsync(TestUser u, string sourceId) =>
        Http.Ids(await u.Api.GetJsonAsync($"sources/{sourceId}/event_summaries?limit=100")).Reverse().ToArray();

    [Fact]
    public async Task DeleteEvents_StartIdOnly_DeletesThatAndLater()
    {
        var (u, id, ev) = await ThreeEventsAsync();
        using var _ = u;
        using var resp = await u.Api.DeleteAsync($"sources/{id}/events?start_id={ev[1]}");
        Assert.Equal(HttpStatusCode.Accepted, resp.StatusCode);
        Assert.Equal([ev[0]], await EventIdsAsync(u, id));
    }

    [Fact]
    public async Task DeleteEvents_EndIdOnly_DeletesThatAndEarlier()
    {
        var (u, id, ev) = await ThreeEventsAsync();
        using var _ = u;
        using var resp = await u.Api.DeleteAsync($"sources/{id}/events?end_id={ev[1]}");
        Assert.Equal(HttpStatusCode.Accepted, resp.StatusCode);
        Assert.Equal([ev[2]], await EventIdsAsync(u, id));
    }

    [Fact]
    public async Task DeleteEvents_SameStartAndEnd_DeletesOne_NeitherDeletesAll()
    {
        var (u, id, ev) = await ThreeEventsAsync();
        using var _ = u;
        using var one = await u.Api.DeleteAsync($"sources/{id}/events?start_id={ev[1]}&end_id={ev[1]}");
        Assert.Equal(HttpStatusCode.Accepted, one.StatusCode);
        Assert.Equal([ev[0], ev[2]], await EventIdsAsync(u, id));
        using var all = await u.Api.DeleteAsync($"sources/{id}/events");
        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.Empty(await EventIdsAsync(u, id));
    }

    [Fact]
    public async Task DeleteEvents_BadIdOrUnknownSource()
    {
        var (u, id, _) = await ThreeEventsAsync();
        using var _u = u;
        using var bad = await u.Api.DeleteAsync($"sources/{id}/events?start_id=yesterday");
        await Http.AssertErrorAsync(bad, HttpStatusCode.BadRequest);
        using var missing = await u.Api.DeleteAsync("sources/dc_abc123/events?start_id=1589486981598-0");
        await Http.AssertErrorAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrgSources_AndOrgSubscriptions()
    {
        using var u = await fx.NewUserAsync();
        var mine = await u.CreateSourceAsync("mine");
        var orgs = await u.CreateSourceAsync("team", orgId: u.OrgId);
        Assert.Equal(u.OrgId, (string)orgs["org_id"]!);

        var page = await u.Api.GetJsonAsync($"orgs/{u.OrgId}/sources");
        Assert.Equal([(string)orgs["id"]!], Http.Ids(page));
        Assert.Equal(u.OrgId, (string)page["data"]![0]!["org_id"]!);
        Assert.Equal([(string)mine["id"]!], Http.Ids(await u.Api.GetJsonAsync("users/me/sources")));

        string wf = await u.CreateWorkflowAsync(u.OrgId);
        using var sub = await u.Api.PostAsync($"subscriptions?emitter_id={orgs["id"]}&listener_id={wf}&org_id={u.OrgId}", null);
        Assert.Equal(HttpStatusCode.OK, sub.StatusCode);
        var subs = await u.Api.GetJsonAsync($"orgs/{u.OrgId}/subscriptions");
        var s = subs["data"]![0]!;
        Assert.Equal((string)orgs["id"]!, (string)s["emitter_id"]!);
        Assert.Equal(wf, (string)s["listener_id"]!);
        Assert.Equal("", (string)s["event_name"]!);
        Assert.StartsWith("sub_", (string)s["id"]!);
        Assert.Equal(0, (int)(await u.Api.GetJsonAsync("users/me/subscriptions"))["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task Subscribe_ReferenceExample_JsonContentTypeAndEmptyBody()
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        string wf = await u.CreateWorkflowAsync();
        using var req = new HttpRequestMessage(HttpMethod.Post, $"subscriptions?emitter_id={source}&listener_id={wf}")
        {
            Content = new ByteArrayContent([]),
        };
        req.Content.Headers.ContentType = new("application/json");
        using var resp = await u.Api.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal(source, (string)data["emitter_id"]!);
        Assert.Equal(wf, (string)data["listener_id"]!);

        // The same again gives the same subscription.
        using var again = await u.Api.PostAsync($"subscriptions?emitter_id={source}&listener_id={wf}", TestUser.Json(""));
        Assert.Equal((string)data["id"]!, (string)(await Http.ReadJsonAsync(again))["data"]!["id"]!);

        var list = await u.Api.GetJsonAsync("users/me/subscriptions");
        Assert.Equal(1, (int)list["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task AutoSubscribe_ReferenceExample_UnencodedErrors()
    {
        using var u = await fx.NewUserAsync();
        string wf = await u.CreateWorkflowAsync();
        using var resp = await u.Api.PostAsync($"auto_subscriptions?event_name=$errors&listener_id={wf}", TestUser.Json(""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.Equal("$errors", (string)data["event_name"]!);
        Assert.Equal(wf, (string)data["listener_id"]!);
        Assert.StartsWith("sub_", (string)data["id"]!);
    }

    [Fact]
    public async Task DeleteSubscription_ReferenceExample_WithoutEventName()
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        string wf = await u.CreateWorkflowAsync();
        using var _ = await u.Api.PostAsync($"subscriptions?emitter_id={source}&listener_id={wf}", null);
        using var req = new HttpRequestMessage(HttpMethod.Delete, $"subscriptions?emitter_id={source}&listener_id={wf}")
        {
            Content = TestUser.Json(""),
        };
        using var resp = await u.Api.SendAsync(req);
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
        Assert.Equal(0, (int)(await u.Api.GetJsonAsync("users/me/subscriptions"))["page_info"]!["total_count"]!);
    }

    [Fact]
    public async Task CreateWebhook_ReferenceExample_AndList()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("webhooks?url=https://endpoint.m.pipedream.net&name=name&description=description", TestUser.Json(""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        Assert.StartsWith("wh_", (string)data["id"]!);
        Assert.Equal(u.Id, (string)data["user_id"]!);
        Assert.Equal("name", (string)data["name"]!);
        Assert.Equal("description", (string)data["description"]!);
        Assert.Equal("https://endpoint.m.pipedream.net", (string)data["url"]!);
        Assert.True((bool)data["active"]!);

        using var bare = await u.Api.PostAsync("webhooks?url=https://endpoint2.m.pipedream.net", null);
        var bareData = (await Http.ReadJsonAsync(bare))["data"]!.AsObject();
        Assert.True(bareData.ContainsKey("name") && bareData["name"] is null, "name: null when not given");
        Assert.True(bareData.ContainsKey("description") && bareData["description"] is null);

        var page = await u.Api.GetJsonAsync("users/me/webhooks");
        Assert.Equal(2, (int)page["page_info"]!["total_count"]!);
        Http.AssertKeys(page["data"]![0]!, "id", "name", "description", "url", "active", "created_at", "updated_at");
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("mysql://user:pass@host:3306")]
    [InlineData("ftp://example.com/x")]
    [InlineData("")]
    public async Task CreateWebhook_BadUrl_Is400(string url)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync($"webhooks?url={Uri.EscapeDataString(url)}", null);
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("http://example.com")]
    [InlineData("https://example.com:12345/endpoint")]
    public async Task CreateWebhook_GoodUrls(string url)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("webhooks", TestUser.Json(new JsonObject { ["url"] = url }));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(url, (string)(await Http.ReadJsonAsync(resp))["data"]!["url"]!);
    }

    [Fact]
    public async Task DeleteWebhook_Is204_ThenGone()
    {
        using var u = await fx.NewUserAsync();
        using var created = await u.Api.PostAsync("webhooks?url=https://example.com/hook", null);
        string id = (string)(await Http.ReadJsonAsync(created))["data"]!["id"]!;
        using var resp = await u.Api.DeleteAsync($"webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
        Assert.Equal(0, (int)(await u.Api.GetJsonAsync("users/me/webhooks"))["page_info"]!["total_count"]!);
        using var again = await u.Api.DeleteAsync($"webhooks/{id}");
        await Http.AssertErrorAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WorkflowEmits_ReferenceExample_ExpandAndLimitOne()
    {
        using var u = await fx.NewUserAsync();
        string wf = await u.CreateWorkflowAsync();
        await u.EmitAsync(wf, JsonNode.Parse("""{"raw_event": {"name": "Luke", "title": "Jedi"}}"""), count: 2);
        var page = await u.Api.GetJsonAsync($"workflows/{wf}/event_summaries?expand=event&limit=1");
        var info = page["page_info"]!;
        Assert.Equal(2, (int)info["total_count"]!);
        Assert.Equal(1, (int)info["count"]!);
        var e = page["data"]![0]!;
        Assert.Equal((string)e["id"]!, (string)info["start_cursor"]!);
        Assert.Equal((string)e["id"]!, (string)info["end_cursor"]!);
        Assert.Equal(long.Parse(((string)e["id"]!).Split('-')[0]), (long)e["indexed_at_ms"]!);
        Assert.Equal("Jedi", (string)e["event"]!["raw_event"]!["title"]!);
        Assert.Equal(wf, (string)e["metadata"]!["emitter_id"]!);
        Assert.Equal("", (string)e["metadata"]!["name"]!);
        await u.Api.GetJsonAsync("workflows/p_abc123/event_summaries", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WorkflowErrors_ReferenceExample()
    {
        using var u = await fx.NewUserAsync();
        string wf = await u.CreateWorkflowAsync();
        var err = JsonNode.Parse($$$"""
            {"original_event": {"name": "Luke", "title": "Jedi"},
             "original_context": {"id": "1kodJIW7jVnKfvB2yp1OoPrtbFk", "workflow_id": "{{{wf}}}", "owner_id": "{{{u.Id}}}"},
             "error": {"code": "InternalFailure", "cellId": "c_abc123", "ts": "2020-11-26T06:06:56.077Z", "stack": "at x"}}
            """);
        await u.EmitAsync(wf, err, name: "$errors");
        await u.EmitAsync(wf, new JsonObject { ["ok"] = true });
        foreach (string path in new[] { $"workflows/{wf}/$errors/event_summaries?expand=event&limit=1", $"workflows/{wf}/%24errors/event_summaries" })
        {
            var page = await u.Api.GetJsonAsync(path);
            Assert.Equal(1, (int)page["page_info"]!["total_count"]!);
            var e = page["data"]![0]!;
            Assert.Equal("InternalFailure", (string)e["event"]!["error"]!["code"]!);
            Assert.Equal("c_abc123", (string)e["event"]!["error"]!["cellId"]!);
            Assert.Equal("Luke", (string)e["event"]!["original_event"]!["name"]!);
            Assert.Equal("$errors", (string)e["metadata"]!["name"]!);
        }
        Assert.Equal(1, (int)(await u.Api.GetJsonAsync($"workflows/{wf}/event_summaries"))["page_info"]!["total_count"]!);
    }
}
