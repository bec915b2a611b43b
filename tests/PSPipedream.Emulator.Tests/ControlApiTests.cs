using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

public sealed class ControlApiTests(ControlFixture fx) : ControlTests(fx), IClassFixture<ControlFixture>
{
    [Fact]
    public async Task Reset_ClearsDataButKeepsUsersAndRegistry()
    {
        await NewSourceAsync();
        using var hook = await Api.PostAsync("webhooks?url=https://example.com", null);
        await AddFaultAsync("""{"path": "/v1/nothing", "count": 5}""");
        using var reset = await Control.PostAsync("_emulator/reset", Http.NoBody());
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
        Assert.Equal("****" + ControlFixture.Key[^4..], (string)first["api_key_hint"]!);
        Assert.Equal("o_emulator", (string)first["orgs"]![0]!);

        using var added = await Control.PostAsync("_emulator/users", TestUser.Json("""{"username": "carol", "plan": "paid", "orgs": [{"id": "o_emulator"}]}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var carol = (await Http.ReadJsonAsync(added))["data"]!;
        string key = (string)carol["api_key"]!;
        Assert.Matches("^[a-z0-9]{32}$", key);
        Assert.StartsWith("u_", (string)carol["id"]!);

        using var client = Fx.Host.CreateApiClient(key);
        var me = (await client.GetJsonAsync("users/me"))["data"]!;
        Assert.Equal("carol", (string)me["username"]!);
        Assert.Equal("Emulator Org", (string)me["orgs"]![0]!["name"]!);

        using var dup = await Control.PostAsync("_emulator/users", TestUser.Json($$"""{"api_key": "{{key}}"}"""));
        await Http.AssertErrorAsync(dup, HttpStatusCode.BadRequest);
        Assert.Equal(users.Count + 1, (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray().Count);
    }

    private async Task<JsonArray> ListUsersAsync(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/users");
        if (key is not null) request.Headers.Authorization = Http.Bearer(key);
        using var resp = await Control.SendAsync(request);
        string text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["data"]!.AsArray();
    }

    [Fact]
    public async Task Users_ListKeysOnlyToTheirHolders()
    {
        using var added = await Control.PostAsync("_emulator/users", TestUser.Json("""{"username": "gus", "api_key": "guskey00000000000000000000000009"}"""));
        Assert.Equal("guskey00000000000000000000000009", (string)(await Http.ReadJsonAsync(added))["data"]!["api_key"]!);

        using (var raw = await Control.GetAsync("_emulator/users"))
        {
            string text = await raw.Content.ReadAsStringAsync();
            Assert.DoesNotContain(ControlFixture.Key, text);
            Assert.DoesNotContain("guskey00000000000000000000000009", text);
        }
        var anonymous = await ListUsersAsync(null);
        Assert.All(anonymous, u => Assert.Null(u!["api_key"]));
        Assert.Equal("****0009", (string)anonymous.Single(u => (string)u!["username"]! == "gus")!["api_key_hint"]!);

        // The key a request carries is the one key it is shown.
        var asGus = await ListUsersAsync("guskey00000000000000000000000009");
        Assert.Equal("guskey00000000000000000000000009", (string)asGus.Single(u => (string)u!["username"]! == "gus")!["api_key"]!);
        Assert.Null(asGus.Single(u => (string)u!["id"]! == "u_emulator")!["api_key"]);

        using var bad = new HttpRequestMessage(HttpMethod.Get, "_emulator/users") { Headers = { Authorization = Http.Bearer("not-a-key") } };
        using var refused = await Control.SendAsync(bad);
        await Http.AssertErrorAsync(refused, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Users_ExposeKeys_ListsEveryKey(bool onTheCommandLine)
    {
        await using var app = onTheCommandLine
            ? EmulatorApp.Build(["--expose-keys", "true", "--api-key", "exposedkey000000000000000000000a"])
            : EmulatorApp.Build([], new EmulatorOptions { ExposeKeys = true, ApiKey = "exposedkey000000000000000000000a" });
        await app.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(EmulatorApp.Addresses(app)[0] + "/") };
        var users = (await control.GetJsonAsync("_emulator/users"))["data"]!.AsArray();
        Assert.Equal("exposedkey000000000000000000000a", (string)users[0]!["api_key"]!);
        await app.StopAsync();
    }

    [Fact]
    public void ExposeKeys_MustBeTrueOrFalse()
    {
        var e = Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--expose-keys", "yes"]));
        Assert.Contains("--expose-keys", e.Message);
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

    private async Task<HttpResponseMessage> CreateWorkflowAsync(JsonObject body) =>
        await Control.PostAsync("_emulator/workflows", TestUser.Json(body));

    [Fact]
    public async Task Workflows_WithAChosenId_409WhenTakenByAnyone()
    {
        using var made = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_chosen1" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var wf = (await Http.ReadJsonAsync(made))["data"]!;
        Assert.Equal("p_chosen1", (string)wf["id"]!);
        Assert.Equal("u_emulator", (string)wf["owner_id"]!);
        await Api.GetJsonAsync("workflows/p_chosen1/event_summaries");

        using var again = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_chosen1" });
        await Http.AssertErrorAsync(again, HttpStatusCode.Conflict);
        using var otherOwner = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_chosen1", ["owner_id"] = "o_emulator" });
        await Http.AssertErrorAsync(otherOwner, HttpStatusCode.Conflict);

        string longest = "p_" + new string('x', 98);
        using var hundred = await CreateWorkflowAsync(new JsonObject { ["id"] = longest, ["owner_id"] = "o_emulator" });
        Assert.Equal(HttpStatusCode.Created, hundred.StatusCode);
        using var odd = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_Ab-9_z" });
        Assert.Equal(HttpStatusCode.Created, odd.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("p_")]
    [InlineData("abc123")]
    [InlineData("P_abc123")]
    [InlineData("dc_abc123")]
    [InlineData(" p_abc123")]
    [InlineData("p_abc123 ")]
    [InlineData("p_abc 123")]
    [InlineData("p_abc\t123")]
    [InlineData("p_abc123\n")]
    [InlineData("p_abc\u0000")]
    [InlineData("p_abc/123")]
    [InlineData("p_*")]
    [InlineData("p_abc?x=1")]
    [InlineData("p_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Workflows_WithAnImplausibleId_Are400(string id)
    {
        using var resp = await Control.PostAsync("_emulator/workflows", TestUser.Json($$"""{"id": "{{id}}"}"""));
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Workflows_IdMustBeAString()
    {
        using var resp = await CreateWorkflowAsync(new JsonObject { ["id"] = 12 });
        await Http.AssertErrorAsync(resp, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Users_WithWorkflows_OwnThem_AndKeepThemThroughAReset()
    {
        using var added = await Control.PostAsync("_emulator/users", TestUser.Json("""{"username": "dora", "workflows": ["p_dora1", "p_dora2"]}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var dora = (await Http.ReadJsonAsync(added))["data"]!;
        Assert.Equal(["p_dora1", "p_dora2"], dora["workflows"]!.AsArray().Select(x => (string)x!));
        using var client = Fx.Host.CreateApiClient((string)dora["api_key"]!);
        using var emitted = await Control.PostAsync("_emulator/emit", TestUser.Json("""{"emitter_id": "p_dora1", "count": 2}"""));
        Assert.Equal(HttpStatusCode.Created, emitted.StatusCode);
        Assert.Equal(2, (int)(await client.GetJsonAsync("workflows/p_dora1/event_summaries"))["page_info"]!["total_count"]!);
        using var made = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_dora3", ["owner_id"] = (string)dora["id"]! });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        using var reset = await Control.PostAsync("_emulator/reset", Http.NoBody());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, (int)(await client.GetJsonAsync("workflows/p_dora1/event_summaries"))["page_info"]!["total_count"]!);
        await client.GetJsonAsync("workflows/p_dora2/event_summaries");
        await client.GetJsonAsync("workflows/p_dora3/event_summaries", HttpStatusCode.NotFound);
        using var taken = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_dora2" });
        await Http.AssertErrorAsync(taken, HttpStatusCode.Conflict);
        using var free = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_dora3" });
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);

        var listed = (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray().Single(u => (string)u!["id"]! == (string)dora["id"]!)!;
        Assert.Equal(["p_dora1", "p_dora2"], listed["workflows"]!.AsArray().Select(x => (string)x!));
    }

    [Theory]
    [InlineData("""["p_eve1", "p_eve1"]""", HttpStatusCode.BadRequest)]
    [InlineData("""["p_eve1", "p eve2"]""", HttpStatusCode.BadRequest)]
    [InlineData("""["p_eve1", null]""", HttpStatusCode.BadRequest)]
    [InlineData("""["p_eve1", "p_taken"]""", HttpStatusCode.Conflict)]
    public async Task Users_WithBadWorkflows_AreRefused_AndLeaveNothingBehind(string workflows, HttpStatusCode expected)
    {
        using var taken = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_taken" });
        int users = (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray().Count;
        using var resp = await Control.PostAsync("_emulator/users", TestUser.Json($$"""{"username": "eve", "workflows": {{workflows}}}"""));
        await Http.AssertErrorAsync(resp, expected);
        Assert.Equal(users, (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray().Count);
        using var free = await CreateWorkflowAsync(new JsonObject { ["id"] = "p_eve1" });
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);
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
}
