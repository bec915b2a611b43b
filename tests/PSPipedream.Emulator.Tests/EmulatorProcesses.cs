using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>The emulator as a program of its own (the built PSPipedream.Emulator.dll run by dotnet).</summary>
public static class EmulatorProcesses
{
    public static ProcessStartInfo EmulatorProcess(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "PSPipedream.Emulator.dll");
        Assert.True(File.Exists(dll), dll);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PD_EMULATOR_API_KEY");
        return psi;
    }

    /// <summary>Runs the emulator to its end; its exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> RunToEndAsync(ProcessStartInfo psi)
    {
        using var proc = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var stdout = proc.StandardOutput.ReadToEndAsync(cts.Token);
            string stderr = await proc.StandardError.ReadToEndAsync(cts.Token);
            await proc.WaitForExitAsync(cts.Token);
            return (proc.ExitCode, await stdout, stderr);
        }
        finally
        {
            if (!proc.HasExited) proc.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts the emulator and reads its three startup lines; the caller kills it.</summary>
    public static async Task<(Process Proc, string Root, string KeyLine)> StartProcessAsync(ProcessStartInfo psi)
    {
        var proc = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? l1 = await proc.StandardOutput.ReadLineAsync(cts.Token);
        _ = await proc.StandardOutput.ReadLineAsync(cts.Token);
        string? l3 = await proc.StandardOutput.ReadLineAsync(cts.Token);
        var m = Regex.Match(l1 ?? "", @"^PSPipedream emulator listening on (http://127\.0\.0\.1:\d+)$");
        Assert.True(m.Success, l1);
        return (proc, m.Groups[1].Value, l3 ?? "");
    }

    /// <summary>A client of the API of the emulator at <paramref name="root"/>, sending <paramref name="apiKey"/>.</summary>
    public static HttpClient ApiClient(string root, string apiKey)
    {
        var api = new HttpClient { BaseAddress = new Uri(root + "/v1/") };
        api.DefaultRequestHeaders.Authorization = Http.Bearer(apiKey);
        return api;
    }

    public static async Task StopAsync(Process proc)
    {
        proc.Kill(entireProcessTree: true);
        await proc.WaitForExitAsync();
        proc.Dispose();
    }
}
