using System.Net;
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

/// <summary>Tests on a <see cref="ControlFixture"/> emulator, each starting from a reset.</summary>
public abstract class ControlTests
{
    protected ControlTests(ControlFixture fx)
    {
        Fx = fx;
        using var resp = fx.Control.PostAsync("_emulator/reset", Http.NoBody()).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
    }

    protected ControlFixture Fx { get; }
    protected HttpClient Control => Fx.Control;
    protected HttpClient Api => Fx.Api;

    protected async Task<JsonNode> AddFaultAsync(string json)
    {
        using var resp = await Control.PostAsync("_emulator/faults", TestUser.Json(json));
        var body = await Http.ReadJsonAsync(resp);
        Assert.True(resp.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body["data"]!;
    }

    protected async Task<string> NewSourceAsync(string name = "s")
    {
        using var resp = await Api.PostAsync("sources", TestUser.Json($$"""{"component_key": "http-new-requests", "name": "{{name}}"}"""));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return (string)(await Http.ReadJsonAsync(resp))["data"]!["id"]!;
    }
}
