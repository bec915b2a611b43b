using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

using static PSPipedream.Emulator.Tests.EmulatorProcesses;

namespace PSPipedream.Emulator.Tests;

public sealed class StartupTests
{
    private const string UsersJson = """
        {
          "users": [
            {
              "id": "u_alice",                 // optional
              "username": "alice",
              "email": "alice@example.com",
              "api_key": "0123456789abcdef0123456789abcdef",
              "plan": "free",
              "orgs": [ { "id": "o_team", "name": "Team", "orgname": "team", "email": "team@example.com" } ],
              "workflows": [ "p_alice1", "p_alice2" ]
            },
            {
              "username": "bob",
              "api_key": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
              "plan": "paid",
              "orgs": [ { "id": "o_team" } ]
            }
          ]
        }
        """;

    private static string WriteUsersFile(string json = UsersJson)
    {
        string path = Path.Combine(Path.GetTempPath(), $"emu-users-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task UsersFile_LoadsUsersKeysAndSharedOrgs()
    {
        string path = WriteUsersFile();
        try
        {
            await using var emu = await EmulatorHost.StartAsync(options: new EmulatorOptions { UsersFile = path });
            Assert.Equal("0123456789abcdef0123456789abcdef", emu.ApiKey);
            Assert.Equal(2, emu.ApiKeys.Count);
            using var alice = emu.CreateApiClient();
            using var bob = emu.CreateApiClient("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
            var a = (await alice.GetJsonAsync("users/me"))["data"]!;
            Assert.Equal("u_alice", (string)a["id"]!);
            Assert.Equal("team", (string)a["orgs"]![0]!["orgname"]!);
            var b = (await bob.GetJsonAsync("users/me"))["data"]!;
            Assert.StartsWith("u_", (string)b["id"]!);
            Assert.NotNull(b["billing_period_start_ts"]);

            // Same org: what alice makes there, bob lists.
            using var created = await alice.PostAsync("sources?org_id=o_team", TestUser.Json("""{"component_key": "http-new-requests"}"""));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Equal(1, (int)(await bob.GetJsonAsync("orgs/o_team/sources"))["page_info"]!["total_count"]!);
            Assert.Equal(0, (int)(await bob.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);

            // Declared workflows are alice's, from the start and after a reset.
            await alice.GetJsonAsync("workflows/p_alice1/event_summaries");
            await bob.GetJsonAsync("workflows/p_alice1/event_summaries", HttpStatusCode.NotFound);
            emu.Reset();
            await alice.GetJsonAsync("workflows/p_alice2/event_summaries");

            // The default user is not there.
            using var anon = new HttpClient { BaseAddress = emu.RootUri };
            var users = (await anon.GetJsonAsync("_emulator/users"))["data"]!.AsArray();
            Assert.DoesNotContain(users, u => (string)u!["id"]! == "u_emulator");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UsersOption_OnTheCommandLine()
    {
        string path = WriteUsersFile();
        try
        {
            await using var app = EmulatorApp.Build(["--users", path, "--urls", "http://127.0.0.1:0"]);
            await app.StartAsync();
            string root = EmulatorApp.Addresses(app)[0];
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", root);
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = Http.Bearer("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
            var me = (await client.GetJsonAsync(root + "/v1/users/me"))["data"]!;
            Assert.Equal("bob", (string)me["username"]!);
            await app.StopAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadUsersFile_FailsWithAClearMessage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"emu-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"users\": [ { \"api_key\": ");
        try
        {
            var e = Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--users", path]));
            Assert.Contains(path, e.Message);
            Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--users", path + ".missing"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task OptionsUsers_CanDeclareWorkflows()
    {
        var options = new EmulatorOptions
        {
            Users = { new EmulatorUser { Id = "u_opt", ApiKey = "optionskey000000000000000000000a", Workflows = { "p_opt1" } } },
        };
        await using var emu = await EmulatorHost.StartAsync(options: options);
        using var client = emu.CreateApiClient();
        await client.GetJsonAsync("workflows/p_opt1/event_summaries");
    }

    [Theory]
    [InlineData("""{"users": [{"username": "a", "workflows": ["p_x"]}, {"username": "b", "workflows": ["p_x"]}]}""")]
    [InlineData("""{"users": [{"username": "a", "workflows": ["p_x", "p_x"]}]}""")]
    [InlineData("""{"users": [{"username": "a", "workflows": ["p_x/y"]}]}""")]
    [InlineData("""{"users": [{"username": "a", "workflows": "p_x"}]}""")]
    public void UsersFile_WithBadWorkflows_FailsToStart(string json)
    {
        string path = WriteUsersFile(json);
        try
        {
            var e = Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--users", path]));
            Assert.Contains("workflow", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"users": [{"username": "a", "orgs": null, "workflows": null}]}""", true)]
    [InlineData("""{"users": [{"username": "a", "orgs": [null]}]}""", false)]
    public async Task UsersFile_WithNullLists_StartsOrFailsCleanly(string json, bool starts)
    {
        string path = WriteUsersFile(json);
        try
        {
            if (starts) await EmulatorApp.Build(["--users", path]).DisposeAsync();
            else Assert.Throws<EmulatorStartupException>(() => EmulatorApp.Build(["--users", path]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Program_ExitsWithCode2_OnADuplicateWorkflow()
    {
        string path = WriteUsersFile("""{"users": [{"username": "a", "workflows": ["p_dup"]}, {"username": "b", "workflows": ["p_dup"]}]}""");
        try
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "PSPipedream.Emulator.dll"), "--users", path }) psi.ArgumentList.Add(a);
            using var proc = Process.Start(psi)!;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string stderr = await proc.StandardError.ReadToEndAsync(cts.Token);
            await proc.WaitForExitAsync(cts.Token);
            Assert.Equal(2, proc.ExitCode);
            Assert.Contains("p_dup", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DefaultUser_WithoutKey_GetsARandomKey()
    {
        await using var emu = await EmulatorHost.StartAsync();
        Assert.Matches("^[a-z0-9]{32}$", emu.ApiKey);
        Assert.Equal("http", emu.BaseUri.Scheme);
        Assert.Equal("/v1", emu.BaseUri.AbsolutePath);
        Assert.Equal("127.0.0.1", emu.BaseUri.Host);
        using var client = emu.CreateApiClient();
        var me = (await client.GetJsonAsync("users/me"))["data"]!;
        Assert.Equal("u_emulator", (string)me["id"]!);
        Assert.Equal("emulator", (string)me["username"]!);
        Assert.Equal("emulator@example.com", (string)me["email"]!);
        Assert.Equal("o_emulator", (string)me["orgs"]![0]!["id"]!);
        Assert.Equal("Emulator Org", (string)me["orgs"]![0]!["name"]!);
        Assert.Equal("emulator-org", (string)me["orgs"]![0]!["orgname"]!);
    }

    [Fact]
    public async Task Program_OnABusyPort_ExitsWithCode2AndOneLine()
    {
        var holder = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            int port = ((IPEndPoint)holder.LocalEndpoint).Port;
            var (code, stdout, stderr) = await RunToEndAsync(EmulatorProcess("--urls", $"http://127.0.0.1:{port}"));
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("address already in use", line);
            Assert.Contains($"127.0.0.1:{port}", line);
        }
        finally
        {
            holder.Stop();
        }
    }

    [Fact]
    public async Task Program_TakesTheKeyFromTheEnvironment_AndApiKeyWinsOverIt()
    {
        const string fromEnv = "envkey0000000000000000000000000e";
        var psi = EmulatorProcess("--urls", "http://127.0.0.1:0");
        psi.Environment["PD_EMULATOR_API_KEY"] = fromEnv;
        var (proc, root, keyLine) = await StartProcessAsync(psi);
        try
        {
            Assert.Equal($"User u_emulator (emulator) API key: {fromEnv}", keyLine);
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = Http.Bearer(fromEnv);
            Assert.Equal("u_emulator", (string)(await client.GetJsonAsync($"{root}/v1/users/me"))["data"]!["id"]!);
        }
        finally
        {
            await StopAsync(proc);
        }

        const string given = "givenkey000000000000000000000000";
        psi = EmulatorProcess("--urls", "http://127.0.0.1:0", "--api-key", given);
        psi.Environment["PD_EMULATOR_API_KEY"] = fromEnv;
        (proc, _, keyLine) = await StartProcessAsync(psi);
        await StopAsync(proc);
        Assert.Equal($"User u_emulator (emulator) API key: {given}", keyLine);
    }

    [Fact]
    public async Task Program_Help_NamesTheOptionsAndTheKeyVariable()
    {
        var (code, stdout, stderr) = await RunToEndAsync(EmulatorProcess("--help"));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (string name in new[] { "--urls", "--api-key", "--users", "--allow-host", "--expose-keys", "--data-file", "--exit-with-stdin", "PD_EMULATOR_API_KEY" })
            Assert.Contains(name, stdout);
    }

    [Fact]
    public async Task Program_PrintsTheStartupLinesOnStdout()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "PSPipedream.Emulator.dll");
        Assert.True(File.Exists(dll), dll);
        const string key = "stdoutkey0000000000000000000000z";
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { dll, "--urls", "http://127.0.0.1:0", "--api-key", key }) psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi)!;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? l1 = await proc.StandardOutput.ReadLineAsync(cts.Token);
            string? l2 = await proc.StandardOutput.ReadLineAsync(cts.Token);
            string? l3 = await proc.StandardOutput.ReadLineAsync(cts.Token);
            var m = Regex.Match(l1 ?? "", @"^PSPipedream emulator listening on (http://127\.0\.0\.1:(\d+))$");
            Assert.True(m.Success, l1);
            Assert.NotEqual("0", m.Groups[2].Value);
            string root = m.Groups[1].Value;
            Assert.Equal($"Base URI: {root}/v1", l2);
            Assert.Equal($"User u_emulator (emulator) API key: {key}", l3);

            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = Http.Bearer(key);
            var me = await client.GetJsonAsync($"{root}/v1/users/me");
            Assert.Equal("u_emulator", (string)me["data"]!["id"]!);
        }
        finally
        {
            proc.Kill(entireProcessTree: true);
            await proc.WaitForExitAsync();
        }
    }
}
