using Xunit;
using static PSPipedream.Emulator.Tests.EmulatorProcesses;

namespace PSPipedream.Emulator.Tests;

/// <summary>--data-file is one emulator's at a time: a second is refused at start, and a killed one blocks nobody.</summary>
public sealed class PersistenceLockTests : IDisposable
{
    private const string Key = "lockkey" + "00000000000000000000000ab";
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-emu-lock-").FullName;

    private string DataPath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<EmulatorHost> StartAsync() => EmulatorHost.StartAsync(apiKey: Key, options: new EmulatorOptions { DataFile = DataPath });

    private async Task AssertRefusedAsync()
    {
        byte[] content = File.ReadAllBytes(DataPath);
        var written = File.GetLastWriteTimeUtc(DataPath);

        var (code, stdout, stderr) = await RunToEndAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--data-file", DataPath));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(DataPath, stderr);
        Assert.Contains("in use by another pd-emulator", stderr);

        var inProc = await Assert.ThrowsAsync<EmulatorStartupException>(StartAsync);
        Assert.Contains(DataPath, inProc.Message);

        Assert.Equal(content, File.ReadAllBytes(DataPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(DataPath));
    }

    [Fact]
    public async Task ASecondEmulator_IsRefused_UntilTheFirstStops()
    {
        await using (var first = await StartAsync())
        {
            using var api = first.CreateApiClient();
            using (var made = await api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests", "name": "first"}""")))
                Assert.True(made.IsSuccessStatusCode);
            // Once that is written, the first emulator has nothing more to write: the file stays as it is.
            await PersistenceTests.WrittenAsync(DataPath, "\"first\"");
            await AssertRefusedAsync();
            // The first one is still fine and still writes its file.
            Assert.Equal(1, (int)(await api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
        }
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));

        var (proc, root, keyLine) = await StartProcessAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--data-file", DataPath));
        try
        {
            Assert.EndsWith(Key, keyLine);
            using var api = ApiClient(root, Key);
            Assert.Equal(1, (int)(await api.GetJsonAsync("users/me/sources"))["page_info"]!["total_count"]!);
        }
        finally
        {
            await StopAsync(proc);
        }
    }

    [Fact]
    public async Task AKilledEmulator_DoesNotBlockTheNextStart()
    {
        var (proc, _, _) = await StartProcessAsync(EmulatorProcess("--urls", "http://127.0.0.1:0", "--api-key", Key, "--data-file", DataPath));
        try
        {
            await AssertRefusedAsync();
        }
        finally
        {
            await StopAsync(proc);
        }
        // Killed, it could not remove its lock file (Windows removes it itself); the file alone stops nobody.
        if (!OperatingSystem.IsWindows()) Assert.True(File.Exists(DataPath + ".lock"));

        await using (var next = await StartAsync())
        {
            Assert.Equal(Key, next.ApiKey);
        }
        Assert.False(File.Exists(DataPath + ".lock"));
    }
}
