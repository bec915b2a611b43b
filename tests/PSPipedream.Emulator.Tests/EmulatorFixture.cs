using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>One emulator for the tests that do not change global state (faults, log, reset).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(apiKey: "fixturekey0000000000000000000000");
        Control = new HttpClient { BaseAddress = Host.RootUri };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A fresh user (with one org of its own) so tests never see each other's data.</summary>
    public Task<TestUser> NewUserAsync(string plan = "free") => TestUser.CreateAsync(Host, Control, plan);
}

[CollectionDefinition("emulator")]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>;

public sealed class TestUser : IDisposable
{
    private static int _counter;

    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string OrgId { get; init; }
    public required HttpClient Api { get; init; }
    public required HttpClient Control { get; init; }
    public required EmulatorHost Host { get; init; }

    public static async Task<TestUser> CreateAsync(EmulatorHost host, HttpClient control, string plan = "free", string? extraOrg = null)
    {
        int n = Interlocked.Increment(ref _counter);
        string key = Guid.NewGuid().ToString("N");
        var orgs = new JsonArray { new JsonObject { ["id"] = $"o_t{n}x{key[..6]}", ["name"] = $"Team {n}" } };
        if (extraOrg is not null) orgs.Add(new JsonObject { ["id"] = extraOrg, ["name"] = "Shared" });
        var body = new JsonObject
        {
            ["username"] = $"user{n}",
            ["api_key"] = key,
            ["plan"] = plan,
            ["orgs"] = orgs,
        };
        using var resp = await control.PostAsync("_emulator/users", Json(body));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var data = (await Http.ReadJsonAsync(resp))["data"]!;
        return new TestUser
        {
            Id = (string)data["id"]!,
            Key = key,
            OrgId = (string)data["orgs"]![0]!,
            Api = host.CreateApiClient(key),
            Control = control,
            Host = host,
        };
    }

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<JsonNode> CreateSourceAsync(string? name = null, string? orgId = null, JsonObject? props = null)
    {
        var body = new JsonObject { ["component_key"] = "http-new-requests" };
        if (name is not null) body["name"] = name;
        if (orgId is not null) body["org_id"] = orgId;
        if (props is not null) body["configured_props"] = props;
        using var resp = await Api.PostAsync("sources", Json(body));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return (await Http.ReadJsonAsync(resp))["data"]!;
    }

    public async Task<string> CreateWorkflowAsync(string? ownerId = null)
    {
        using var resp = await Control.PostAsync("_emulator/workflows", Json(new JsonObject { ["owner_id"] = ownerId ?? Id }));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        return (string)(await Http.ReadJsonAsync(resp))["data"]!["id"]!;
    }

    public async Task<JsonNode> EmitAsync(string emitterId, JsonNode? evt = null, string name = "", int count = 1)
    {
        var body = new JsonObject { ["emitter_id"] = emitterId, ["event"] = evt ?? new JsonObject { ["n"] = 1 }, ["name"] = name, ["count"] = count };
        using var resp = await Control.PostAsync("_emulator/emit", Json(body));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        return (await Http.ReadJsonAsync(resp))["data"]!;
    }

    public async Task<string> SeedAsync(int count, string? ownerId = null)
    {
        using var resp = await Control.PostAsync("_emulator/seed",
            Json(new JsonObject { ["count"] = count, ["owner_id"] = ownerId ?? Id, ["name_prefix"] = "s-" }));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        return (string)(await Http.ReadJsonAsync(resp))["data"]!["ids"]![0]!;
    }

    public void Dispose() => Api.Dispose();
}

public static class Http
{
    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage resp)
    {
        string text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.Content.Headers.ContentType?.MediaType == "application/json",
            $"expected JSON, got {resp.Content.Headers.ContentType}: {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("null JSON");
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var resp = await client.GetAsync(url);
        var json = await ReadJsonAsync(resp);
        Assert.True(expected == resp.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)resp.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(this HttpClient client, HttpMethod method, string url,
        HttpContent? content = null)
    {
        using var req = new HttpRequestMessage(method, url) { Content = content };
        using var resp = await client.SendAsync(req);
        string text = await resp.Content.ReadAsStringAsync();
        return (resp.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Asserts a JSON error answer: the status and a non-empty "error" string.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage resp, HttpStatusCode expected)
    {
        var json = await ReadJsonAsync(resp);
        Assert.Equal(expected, resp.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["error"]), json.ToJsonString());
    }

    public static string[] Ids(JsonNode page) =>
        page["data"]!.AsArray().Select(x => (string)x!["id"]!).ToArray();

    public static void AssertKeys(JsonNode obj, params string[] keys)
    {
        var actual = obj.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var k in keys) Assert.True(actual.Contains(k), $"missing '{k}' in {obj.ToJsonString()}");
    }

    public static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);

    /// <summary>No body, declared as JSON: what a control POST without parameters sends.</summary>
    public static StringContent NoBody() => new("", Encoding.UTF8, "application/json");
}
