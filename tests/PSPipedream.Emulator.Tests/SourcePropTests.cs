using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>
/// The configured props a source keeps and shows, as an export reads them: the values given (secrets included,
/// as stored), and the endpoint URL the server gives HTTP sources.
/// </summary>
[Collection("emulator")]
public sealed class SourcePropTests(EmulatorFixture fx)
{
    private const string EndpointPattern = @"^https://en[0-9a-f]{14}\.m\.pipedream\.net$";

    private static async Task<JsonNode> CreateAsync(TestUser u, string body)
    {
        using var resp = await u.Api.PostAsync("sources", TestUser.Json(body));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return (await Http.ReadJsonAsync(resp))["data"]!;
    }

    private static string Endpoint(JsonNode source) => (string)source["configured_props"]!["http"]!["endpoint_url"]!;

    private static async Task<JsonNode> ListedAsync(TestUser u, string id) =>
        (await u.Api.GetJsonAsync("users/me/sources?limit=100"))["data"]!.AsArray().Single(s => (string)s!["id"]! == id)!;

    [Fact]
    public async Task HttpSource_GetsAnEndpointUrl_UnderItsHttpProp_NextToTheGivenProps()
    {
        using var u = await fx.NewUserAsync();
        var s = await CreateAsync(u, """{"component_key": "http-new-requests-with-token", "name": "hook", "configured_props": {"token": "tok-123"}}""");
        Assert.Matches(EndpointPattern, Endpoint(s));
        Assert.Equal("tok-123", (string)s["configured_props"]!["token"]!);

        var listed = await ListedAsync(u, (string)s["id"]!);
        Assert.True(JsonNode.DeepEquals(s["configured_props"], listed["configured_props"]), listed["configured_props"]!.ToJsonString());
    }

    [Fact]
    public async Task EndpointUrls_DifferBetweenSources_AndIgnoreOneTheClientSends()
    {
        using var u = await fx.NewUserAsync();
        const string body = """{"component_key": "http-new-requests-with-token", "configured_props": {"token": "t", "http": {"endpoint_url": "https://mine.example.com"}}}""";
        var a = await CreateAsync(u, body);
        var b = await CreateAsync(u, body);
        Assert.Matches(EndpointPattern, Endpoint(a));
        Assert.Matches(EndpointPattern, Endpoint(b));
        Assert.NotEqual(Endpoint(a), Endpoint(b));
    }

    [Fact]
    public async Task EndpointUrl_StaysTheSame_ThroughUpdates()
    {
        using var u = await fx.NewUserAsync();
        var s = await CreateAsync(u, """{"component_key": "github-new-webhook-event", "configured_props": {"repo": "a/b", "webhookSecret": "one"}}""");
        string id = (string)s["id"]!, url = Endpoint(s);

        var (status, json) = await u.Api.SendAsync(HttpMethod.Put, $"sources/{id}",
            TestUser.Json("""{"configured_props": {"repo": "a/c", "webhookSecret": "two", "github": {"authProvisionId": "apn_x"}}}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(url, Endpoint(json!["data"]!));
        (status, json) = await u.Api.SendAsync(HttpMethod.Put, $"sources/{id}", TestUser.Json("""{"active": false, "name": "renamed"}"""));
        Assert.Equal(url, Endpoint(json!["data"]!));

        var listed = await ListedAsync(u, id);
        Assert.Equal(url, Endpoint(listed));
        Assert.Equal("a/c", (string)listed["configured_props"]!["repo"]!);
        Assert.Equal("two", (string)listed["configured_props"]!["webhookSecret"]!);
        Assert.Equal("apn_x", (string)listed["configured_props"]!["github"]!["authProvisionId"]!);
    }

    [Fact]
    public async Task PlainHttpSource_GetsAnEndpoint_WithoutPropsOrWhenItsHttpPropIsGiven()
    {
        using var u = await fx.NewUserAsync();
        var bare = await CreateAsync(u, """{"component_key": "http-new-requests"}""");
        Assert.Matches(EndpointPattern, Endpoint(bare));

        var named = await CreateAsync(u, """{"component_key": "http-new-requests", "configured_props": {"http": {"customResponse": true}}}""");
        Assert.Matches(EndpointPattern, Endpoint(named));
        Assert.True((bool)named["configured_props"]!["http"]!["customResponse"]!);
    }

    [Fact]
    public async Task SourcesOfOtherComponents_GetNoEndpoint()
    {
        using var u = await fx.NewUserAsync();
        var rss = await CreateAsync(u, """{"component_key": "rss-new-item-in-feed", "configured_props": {"url": "https://x.example.com/feed", "timer": {"intervalSeconds": 60}}}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"url": "https://x.example.com/feed", "timer": {"cron": null, "interval_seconds": 60}}"""),
            rss["configured_props"]), rss["configured_props"]!.ToJsonString());
    }

    [Fact]
    public async Task SeededSources_HaveDistinctEndpoints_AcrossSeedings()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(2);
        await u.SeedAsync(2);
        var urls = (await u.Api.GetJsonAsync("users/me/sources?limit=100"))["data"]!.AsArray().Select(s => Endpoint(s!)).ToArray();
        Assert.Equal(4, urls.Length);
        Assert.Equal(4, urls.Distinct().Count());
        Assert.All(urls, url => Assert.Matches(EndpointPattern, url));
    }

    [Fact]
    public async Task OrgSource_GetsItsEndpoint_AndShowsItInTheOrgList()
    {
        using var u = await fx.NewUserAsync();
        var s = await CreateAsync(u, $$$"""{"component_key": "http-new-requests-with-token", "org_id": "{{{u.OrgId}}}", "configured_props": {"token": "t"}}""");
        var listed = (await u.Api.GetJsonAsync($"orgs/{u.OrgId}/sources"))["data"]!.AsArray().Single(x => (string)x!["id"]! == (string)s["id"]!)!;
        Assert.Equal(Endpoint(s), Endpoint(listed));
    }
}
