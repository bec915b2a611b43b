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

        using var client = Fx.Host.CreateApiClient(key);
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
}
