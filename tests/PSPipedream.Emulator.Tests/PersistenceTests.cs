using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static PSPipedream.Emulator.Tests.EmulatorProcesses;

namespace PSPipedream.Emulator.Tests;

/// <summary>--data-file: the whole state across restarts, a kill, and files that are not the emulator's.</summary>
public sealed class PersistenceTests : IDisposable
{
    private const string Key = "persistkey00000000000000000000ab";
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-emu-data-").FullName;

    private string DataPath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<EmulatorHost> StartAsync() => EmulatorHost.StartAsync(apiKey: Key, options: new EmulatorOptions { DataFile = DataPath });

    /// <summary>Everything a user would list, as JSON text, to compare before and after a restart.</summary>
    private static async Task<string> EverythingAsync(HttpClient api, string[] sources, string[] workflows)
    {
        var all = new JsonObject
        {
            ["me"] = (await api.GetJsonAsync("users/me"))["data"]!.DeepClone(),
            ["sources"] = (await api.GetJsonAsync("users/me/sources"))!.DeepClone(),
            ["org_sources"] = (await api.GetJsonAsync("orgs/o_emulator/sources"))!.DeepClone(),
            ["subscriptions"] = (await api.GetJsonAsync("users/me/subscriptions"))!.DeepClone(),
            ["webhooks"] = (await api.GetJsonAsync("users/me/webhooks"))!.DeepClone(),
        };
        foreach (var s in sources) all["events " + s] = (await api.GetJsonAsync($"sources/{s}/event_summaries?expand=event"))!.DeepClone();
        foreach (var w in workflows)
        {
            all["emits " + w] = (await api.GetJsonAsync($"workflows/{w}/event_summaries"))!.DeepClone();
            all["errors " + w] = (await api.GetJsonAsync($"workflows/{w}/$errors/event_summaries"))!.DeepClone();
        }
        return all.ToJsonString();
    }

    [Fact]
    public async Task Restart_KeepsEverything_AndNewIdsDoNotCollide()
    {
        string before;
        string[] sources, workflows;
        string[] oldIds;
        await using (var emu = await StartAsync())
        {
            Assert.True(File.Exists(DataPath), "a missing data file is created at start");
            using var control = new HttpClient { BaseAddress = emu.RootUri };
            using var api = emu.CreateApiClient();
            using var comp = await api.PostAsync("components", TestUser.Json("""{"component_code": "module.exports = { key: \"mine\", name: \"Mine\", props: {} };"}"""));
            Assert.Equal(HttpStatusCode.OK, comp.StatusCode);
            string a = await CreateAsync(api, "sources", """{"component_key": "mine", "name": "a", "configured_props": {"x": {"y": [1, 2]}}}""");
            string b = await CreateAsync(api, "sources?org_id=o_emulator", """{"component_key": "http-new-requests", "name": "b"}""");
            string hook = await CreateAsync(api, "webhooks", """{"url": "http://127.0.0.1:9/hook", "name": "h"}""");
            string wf = (string)(await PostControlAsync(control, "workflows", """{"errors_shape": "top_level"}"""))["id"]!;
            using (var s1 = await api.PostAsync($"subscriptions?emitter_id={a}&listener_id={b}", null)) Assert.Equal(HttpStatusCode.OK, s1.StatusCode);
            using (var s2 = await api.PostAsync($"subscriptions?emitter_id={wf}&listener_id={hook}&event_name=$errors", null)) Assert.Equal(HttpStatusCode.OK, s2.StatusCode);
            using (var auto = await api.PostAsync($"auto_subscriptions?event_name=$errors&listener_id={b}", null)) Assert.Equal(HttpStatusCode.OK, auto.StatusCode);
            await PostControlAsync(control, "emit", $$"""{"emitter_id": "{{a}}", "event": {"n": 1}, "count": 3}""");
            await PostControlAsync(control, "emit", $$"""{"emitter_id": "{{a}}", "event": {"n": "old"}, "timestamp": "{{DateTimeOffset.UtcNow.AddDays(-20):o}}"}""");
            await PostControlAsync(control, "emit", $$"""{"emitter_id": "{{wf}}", "name": "$errors", "event": {"original_event": {"q": 1}, "error": {"code": "E"} } }""");
            await PostControlAsync(control, "seed", """{"count": 3, "name_prefix": "old-", "created_at": "2026-01-02T03:04:05Z"}""");
            using (var put = await api.PutAsync($"sources/{b}", TestUser.Json("""{"active": false}"""))) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            sources = [a, b];
            workflows = [wf];
            before = await EverythingAsync(api, sources, workflows);
            oldIds = [a, b, hook, wf];
            await PostControlAsync(control, "faults", """{"method": "GET", "path": "/v1/users/me", "count": 5, "status": 503}""");
        }

        await using (var emu = await StartAsync())
        {
            using var control = new HttpClient { BaseAddress = emu.RootUri };
            using var api = emu.CreateApiClient();
            // Faults and the request log are not state: neither is kept (else this very listing would get a 503).
            Assert.Empty((await control.GetJsonAsync("_emulator/faults"))["data"]!.AsArray());
            using (var log = await control.GetAsync("_emulator/requests"))
                Assert.Empty(JsonNode.Parse(await log.Content.ReadAsStringAsync())!["data"]!.AsArray());
            Assert.Equal(before, await EverythingAsync(api, sources, workflows));

            // The auto-subscription still holds: a new source is subscribed to b's $errors.
            string c = await CreateAsync(api, "sources", """{"component_key": "mine", "name": "c"}""");
            Assert.DoesNotContain(c, oldIds);
            var subs = (await api.GetJsonAsync("users/me/subscriptions"))["data"]!.AsArray();
            Assert.Contains(subs, s => (string)s!["emitter_id"]! == c && (string)s!["listener_id"]! == sources[1]);
            // A new event comes after the saved ones.
            var newest = (string)(await PostControlAsync(control, "emit", $$"""{"emitter_id": "{{sources[0]}}"}"""))["ids"]![0]!;
            var list = Http.Ids(await api.GetJsonAsync($"sources/{sources[0]}/event_summaries"));
            Assert.Equal(newest, list[0]);
            Assert.Equal(list.Length, list.Distinct().Count());
        }
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reset_IsKeptToo(bool throughControlApi)
    {
        await using (var emu = await StartAsync())
        {
            using var api = emu.CreateApiClient();
            await CreateAsync(api, "sources", """{"component_key": "http-new-requests"}""");
            if (throughControlApi)
            {
                using var control = new HttpClient { BaseAddress = emu.RootUri };
                using var reset = await control.PostAsync("_emulator/reset", Http.NoBody());
                Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
            }
            else
            {
                emu.Reset();
            }
        }
        await using (var emu = await StartAsync())
        {
            using var api = emu.CreateApiClient();
            Assert.Equal(0, (int)(await api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
        }
    }

    [Fact]
    public async Task KilledEmulator_KeepsWhatWasWritten()
    {
        var (proc, root, _) = await StartProcessAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--api-key", Key, "--data-file", DataPath));
        string id;
        try
        {
            using var api = ApiClient(root, Key);
            id = await CreateAsync(api, "sources", """{"component_key": "http-new-requests", "name": "survivor"}""");
            // Written: the change was answered and a flush interval passed. Wait for it on disk, then kill.
            await WrittenAsync(id);
        }
        finally
        {
            await StopAsync(proc);
        }

        (proc, root, var keyLine) = await StartProcessAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--data-file", DataPath));
        try
        {
            Assert.EndsWith(Key, keyLine);
            using var api = ApiClient(root, Key);
            var names = (await api.GetJsonAsync("users/me/sources"))["data"]!.AsArray().Select(s => (string)s!["name"]!);
            Assert.Equal(["survivor"], names);
        }
        finally
        {
            await StopAsync(proc);
        }
    }

    [Fact]
    public async Task StdinClosing_WritesTheLastChange_AndEndsTheProcess()
    {
        // How Start-PdEmulator's emulators are stopped: --exit-with-stdin, and the pipe closed.
        var psi = EmulatorProcess("--urls", "http://127.0.0.1:0", "--api-key", Key, "--data-file", DataPath, "--exit-with-stdin", "true");
        psi.RedirectStandardInput = true;
        var (proc, root, _) = await StartProcessAsync(psi);
        try
        {
            using var api = ApiClient(root, Key);
            string id = await CreateAsync(api, "sources", """{"component_key": "http-new-requests", "name": "last"}""");
            // At once, with no flush interval waited: the stop itself writes the change.
            proc.StandardInput.Close();
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await proc.WaitForExitAsync(exited.Token);
            Assert.Equal(0, proc.ExitCode);
            Assert.Contains(id, File.ReadAllText(DataPath), StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(proc);
        }
    }

    [Fact]
    public async Task TheFile_IsReadableByItsOwnerOnly()
    {
        // It holds every user's API key. Windows has no file mode: there the folder's permissions apply.
        if (OperatingSystem.IsWindows()) return;
        await using (var emu = await StartAsync())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPath));
            using var api = emu.CreateApiClient();
            string id = await CreateAsync(api, "sources", """{"component_key": "http-new-requests"}""");
            await WrittenAsync(id);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPath));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPath));
    }

    [Fact]
    public async Task AWriteThatFailsUnexpectedly_DoesNotEndTheWriting()
    {
        // A path with a NUL in it fails with an ArgumentException, not an IOException.
        var state = new EmulatorState();
        var changes = new StateChanges();
        var writer = new DataFileWriter("bad\0name.json", state, changes, DataFileLock.Take(DataPath));
        changes.Mark();
        await writer.StartAsync(CancellationToken.None);
        await Task.Delay(DataFileWriter.FlushInterval * 3);
        changes.Mark();
        await writer.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(DataPath + ".lock"), "the stop lets the lock go");
    }

    [Theory]
    [InlineData("{ this is not json", "is not JSON")]
    [InlineData("""{"users": [{"api_key": "x"}]}""", "is not a pd-emulator data file")]
    [InlineData("""[1, 2, 3]""", "is not a pd-emulator data file")]
    [InlineData("""{"format": "pd-emulator-state", "version": 99}""", "another version (99)")]
    [InlineData("""{"format": "pd-emulator-state", "version": 1, "users": []}""", "lists no users")]
    [InlineData("""{"format": "pd-emulator-state", "version": 1, "users": "everyone"}""", "is damaged")]
    public async Task AFileThatIsNotTheEmulators_IsRefusedAndLeftAsItIs(string content, string said)
    {
        File.WriteAllText(DataPath, content);
        var (code, stdout, stderr) = await RunToEndAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--data-file", DataPath));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(DataPath, stderr);
        Assert.Contains(said, stderr);
        Assert.Contains("left as it is", stderr);
        Assert.Equal(content, File.ReadAllText(DataPath));
        Assert.Single(Directory.GetFiles(_dir));
    }

    /// <summary>Waits until the data file holds <paramref name="text"/>: the change was answered and a flush interval passed.</summary>
    private Task WrittenAsync(string text) => WrittenAsync(DataPath, text);

    internal static async Task WrittenAsync(string path, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!File.ReadAllText(path).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the change never reached the data file");
            await Task.Delay(50);
        }
    }

    private static async Task<string> CreateAsync(HttpClient api, string path, string json)
    {
        using var resp = await api.PostAsync(path, TestUser.Json(json));
        var body = await Http.ReadJsonAsync(resp);
        Assert.True(resp.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["data"]!["id"]!;
    }

    private static async Task<JsonNode> PostControlAsync(HttpClient control, string path, string json)
    {
        using var resp = await control.PostAsync("_emulator/" + path, TestUser.Json(json));
        var body = await Http.ReadJsonAsync(resp);
        Assert.True(resp.IsSuccessStatusCode, body.ToJsonString());
        return body["data"]!;
    }
}
