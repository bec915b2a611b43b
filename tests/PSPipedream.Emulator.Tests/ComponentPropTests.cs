using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>What a client needs from a component to carry its sources elsewhere: which props are secret or app connections, and a hash of its code.</summary>
[Collection("emulator")]
public sealed class ComponentPropTests(EmulatorFixture fx)
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonNode Prop(JsonNode component, string name) =>
        component["configurable_props"]!.AsArray().Single(p => (string)p!["name"]! == name)!;

    [Fact]
    public async Task TokenComponent_DeclaresASecretStringProp_AndAnHttpInterface()
    {
        using var u = await fx.NewUserAsync();
        var c = (await u.Api.GetJsonAsync("components/registry/http-new-requests-with-token"))["data"]!;
        Assert.Equal("http-new-requests-with-token", (string)c["key"]!);
        var token = Prop(c, "token");
        Assert.Equal("string", (string)token["type"]!);
        Assert.True((bool)token["secret"]!);
        Assert.Equal("$.interface.http", (string)Prop(c, "http")["type"]!);
    }

    [Fact]
    public async Task GithubWebhookComponent_DeclaresAnAppProp_ASecret_AndAPlainString()
    {
        using var u = await fx.NewUserAsync();
        var c = (await u.Api.GetJsonAsync("components/github-new-webhook-event"))["data"]!;
        var app = Prop(c, "github");
        Assert.Equal("app", (string)app["type"]!);
        Assert.Equal("github", (string)app["app"]!);
        Assert.True((bool)Prop(c, "webhookSecret")["secret"]!);
        Assert.Null(Prop(c, "repo")["secret"]);
    }

    [Theory]
    [InlineData("rss-new-item-in-feed")]
    [InlineData("http-new-requests")]
    [InlineData("github-new-repository")]
    [InlineData("schedule-every-interval")]
    [InlineData("http-new-requests-with-token")]
    [InlineData("github-new-webhook-event")]
    public async Task EveryRegistryComponent_HasTheSha256OfItsCode(string key)
    {
        using var u = await fx.NewUserAsync();
        var c = (await u.Api.GetJsonAsync($"components/registry/{key}"))["data"]!;
        Assert.Equal(Sha256((string)c["code"]!), (string)c["code_hash"]!);
    }

    [Fact]
    public async Task PostedCode_IsHashed_TheSameCodeTheSameHash()
    {
        using var u = await fx.NewUserAsync();
        const string code = "module.exports = { key: \"hashed\", name: \"Hashed\", version: \"0.0.1\", props: {}, async run() {} };";
        var first = await CreateComponentAsync(u, new JsonObject { ["component_code"] = code });
        var again = await CreateComponentAsync(u, new JsonObject { ["component_code"] = code });
        var other = await CreateComponentAsync(u, new JsonObject { ["component_code"] = code + "\n" });

        Assert.Equal(Sha256(code), (string)first["code_hash"]!);
        Assert.NotEqual((string)first["id"]!, (string)again["id"]!);
        Assert.Equal((string)first["code_hash"]!, (string)again["code_hash"]!);
        Assert.NotEqual((string)first["code_hash"]!, (string)other["code_hash"]!);
        var fetched = (await u.Api.GetJsonAsync($"components/{first["id"]}"))["data"]!;
        Assert.Equal((string)first["code_hash"]!, (string)fetched["code_hash"]!);
    }

    [Fact]
    public async Task ComponentFromARegistryUrl_HasTheRegistryCodeHash_AndItsSecretProp()
    {
        using var u = await fx.NewUserAsync();
        var registry = (await u.Api.GetJsonAsync("components/registry/http-new-requests-with-token"))["data"]!;
        var made = await CreateComponentAsync(u, new JsonObject
        {
            ["component_url"] = "https://github.com/PipedreamHQ/pipedream/blob/master/components/http/sources/new-requests-with-token/new-requests-with-token.js",
        });
        Assert.Equal((string)registry["code_hash"]!, (string)made["code_hash"]!);
        Assert.True((bool)Prop(made, "token")["secret"]!);
    }

    [Fact]
    public async Task ComponentCode_WithSecretAndAppProps_DeclaresThem()
    {
        using var u = await fx.NewUserAsync();
        const string code = """
            module.exports = {
              key: "with-secrets",
              props: {
                slack: { type: "app", app: "slack" },
                apiKey: { type: "string", secret: true, label: "API Key" },
                channel: { type: "string", optional: true },
              },
              async run() {},
            };
            """;
        var c = await CreateComponentAsync(u, new JsonObject { ["component_code"] = code });
        Assert.Equal("app", (string)Prop(c, "slack")["type"]!);
        Assert.Equal("slack", (string)Prop(c, "slack")["app"]!);
        Assert.True((bool)Prop(c, "apiKey")["secret"]!);
        Assert.Null(Prop(c, "channel")["secret"]);
        Assert.True((bool)Prop(c, "channel")["optional"]!);
    }

    private static async Task<JsonNode> CreateComponentAsync(TestUser u, JsonObject body)
    {
        using var resp = await u.Api.PostAsync("components", TestUser.Json(body));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return (await Http.ReadJsonAsync(resp))["data"]!;
    }
}
