using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>What a web page (or anything not addressing the emulator by a local name) cannot make it do.</summary>
public sealed class LockdownTests(ControlFixture fx) : ControlTests(fx), IClassFixture<ControlFixture>
{
    private int Port => Fx.Host.RootUri.Port;

    private int OtherPort => Port == 65535 ? Port - 1 : Port + 1;

    private string Expand(string template) =>
        template.Replace("{port}", Port.ToString()).Replace("{other}", OtherPort.ToString());

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient client, HttpMethod method, string path,
        string? host = null, string? origin = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var resp = await client.SendAsync(request);
        string text = await resp.Content.ReadAsStringAsync();
        if (text.Length > 0) Assert.Equal("application/json", resp.Content.Headers.ContentType?.MediaType);
        return (resp.StatusCode, text);
    }

    private async Task<int> SourceCountAsync() =>
        (int)(await Api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!;

    [Theory]
    [InlineData("evil.example:{port}")]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1:{other}")]
    [InlineData("localhost:{other}")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("10.0.0.1:{port}")]
    [InlineData("[::2]:{port}")]
    [InlineData("localhost.evil.example:{port}")]
    public async Task AForeignHost_IsRefusedWith421_OnTheApiAndTheControlApi(string template)
    {
        string host = Expand(template);
        var api = await SendAsync(Api, HttpMethod.Get, "users/me", host);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, api.Status);
        Assert.Contains("--allow-host", (string)JsonNode.Parse(api.Text)!["error"]!);

        var users = await SendAsync(Control, HttpMethod.Get, "_emulator/users", host);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, users.Status);
        Assert.NotNull((string?)JsonNode.Parse(users.Text)!["error"]);

        // Nothing happens for a refused request, and it is not logged.
        await NewSourceAsync();
        var seed = await SendAsync(Control, HttpMethod.Post, "_emulator/seed", host, content: TestUser.Json("""{"count": 3}"""));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, seed.Status);
        var reset = await SendAsync(Control, HttpMethod.Post, "_emulator/reset", host, content: Http.NoBody());
        Assert.Equal(HttpStatusCode.MisdirectedRequest, reset.Status);
        Assert.Equal(1, await SourceCountAsync());
        var logged = (await Control.GetJsonAsync("_emulator/requests"))["data"]!.AsArray();
        Assert.DoesNotContain(logged, e => (string)e!["path"]! == "/v1/users/me");
    }

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.1.2.3:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task ALoopbackHostWithTheEmulatorsPort_IsServed(string template)
    {
        var (status, text) = await SendAsync(Api, HttpMethod.Get, "users/me", Expand(template));
        Assert.True(status == HttpStatusCode.OK, text);
    }

    [Fact]
    public async Task ARequestWithoutAHost_IsRefused()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        using var stream = tcp.GetStream();
        await stream.WriteAsync("GET /_emulator/users HTTP/1.0\r\n\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string answer = await reader.ReadToEndAsync(cts.Token);
        Assert.StartsWith("HTTP/1.1 421", answer);
        Assert.DoesNotContain("api_key", answer);
    }

    [Theory]
    [InlineData("GET", "_emulator/users")]
    [InlineData("GET", "_emulator/requests")]
    [InlineData("POST", "_emulator/reset")]
    [InlineData("POST", "_emulator/seed")]
    [InlineData("DELETE", "_emulator/faults")]
    public async Task AControlRequestWithAnOrigin_IsRefusedWith403(string method, string path)
    {
        await NewSourceAsync();
        await AddFaultAsync("""{"path": "/v1/nothing", "count": 1}""");
        foreach (string origin in new[] { "https://evil.example", "null", $"http://127.0.0.1:{Port}" })
        {
            var content = method == "POST" ? TestUser.Json("""{"count": 2}""") : null;
            var (status, text) = await SendAsync(Control, new HttpMethod(method), path, origin: origin, content: content);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("Origin", (string)JsonNode.Parse(text)!["error"]!);
        }
        Assert.Equal(1, await SourceCountAsync());
        Assert.Single((await Control.GetJsonAsync("_emulator/faults"))["data"]!.AsArray());
    }

    public static TheoryData<string?> NotApplicationJson => new() { null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json" };

    [Theory]
    [MemberData(nameof(NotApplicationJson))]
    public async Task AControlPostThatIsNotDeclaredJson_IsRefusedWith415(string? contentType)
    {
        await NewSourceAsync();
        foreach (var (path, body) in new[] { ("_emulator/reset", ""), ("_emulator/seed", """{"count": 2}"""), ("_emulator/users", """{"username": "page"}""") })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var (status, text) = await SendAsync(Control, HttpMethod.Post, path, content: content);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
            Assert.Contains("application/json", (string)JsonNode.Parse(text)!["error"]!);
        }
        Assert.Equal(1, await SourceCountAsync());
        var users = (await Control.GetJsonAsync("_emulator/users"))["data"]!.AsArray();
        Assert.DoesNotContain(users, u => (string)u!["username"]! == "page");
    }

    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json", "{}")]
    [InlineData("application/json; charset=utf-8", "{}")]
    [InlineData("Application/JSON", "")]
    public async Task AControlPostDeclaredJson_WithOrWithoutABody_IsServed(string contentType, string body)
    {
        await NewSourceAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var (status, text) = await SendAsync(Control, HttpMethod.Post, "_emulator/reset", content: content);
        Assert.True(status == HttpStatusCode.NoContent, text);
        Assert.Equal(0, await SourceCountAsync());
    }

    [Fact]
    public async Task AWebhookPointedAtTheControlApi_CannotDriveIt()
    {
        string source = await NewSourceAsync();
        string url = new Uri(Fx.Host.RootUri, "_emulator/reset").AbsoluteUri;
        using var hook = await Api.PostAsync($"webhooks?url={Uri.EscapeDataString(url)}", null);
        string hookId = (string)(await Http.ReadJsonAsync(hook))["data"]!["id"]!;
        using var sub = await Api.PostAsync($"subscriptions?emitter_id={source}&listener_id={hookId}", null);
        Assert.Equal(HttpStatusCode.OK, sub.StatusCode);

        using var emitted = await Control.PostAsync("_emulator/emit", TestUser.Json($$"""{"emitter_id": "{{source}}"}"""));
        var delivery = (await Http.ReadJsonAsync(emitted))["data"]!["deliveries"]![0]!;
        Assert.Equal("failed", (string)delivery["status"]!);
        Assert.Equal(403, (int)delivery["http_status"]!);
        Assert.Equal(1, await SourceCountAsync());
    }
}

/// <summary>--allow-host: other names the Host header may carry.</summary>
public sealed class AllowHostTests
{
    private static async Task<HttpStatusCode> StatusForHostAsync(string root, string host)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, root + "/_emulator/users");
        request.Headers.Host = host;
        using var resp = await client.SendAsync(request);
        return resp.StatusCode;
    }

    [Fact]
    public async Task AllowedNames_AreServed_RepeatedOrCommaSeparated()
    {
        await using var app = EmulatorApp.Build(
            ["--allow-host", "emulator, pd.test:18080", "--allow-host", "[::2]", "--allow-host=third", "--urls", "http://127.0.0.1:0"],
            new EmulatorOptions { AllowedHosts = { "fromoptions" } });
        await app.StartAsync();
        string root = EmulatorApp.Addresses(app)[0];
        int port = new Uri(root).Port;
        foreach (string ok in new[] { $"emulator:{port}", $"EMULATOR:{port}", "pd.test:18080", $"[::2]:{port}", $"third:{port}", $"fromoptions:{port}", $"localhost:{port}" })
            Assert.True(await StatusForHostAsync(root, ok) == HttpStatusCode.OK, ok);
        foreach (string refused in new[] { "emulator:1", $"pd.test:{port}", $"evil.example:{port}", $"emulator.evil.example:{port}" })
            Assert.True(await StatusForHostAsync(root, refused) == HttpStatusCode.MisdirectedRequest, refused);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("http://emulator/")]
    [InlineData("emulator:0")]
    [InlineData("emulator:port")]
    [InlineData("a,,b")]
    [InlineData("")]
    public void ABadAllowedName_FailsToStart(string value)
    {
        var e = Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--allow-host", value]));
        Assert.Contains("--allow-host", e.Message);
    }
}
