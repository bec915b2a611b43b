using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Connection;
using PSPipedream.Emulator;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>One in-process emulator shared by the cmdlet tests (which run one after another).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Key = "abcdefghij0123456789klmnopqrstuv";

    public EmulatorHost Host { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(Key);
        Control = new HttpClient { BaseAddress = new Uri(Host.RootUri, "_emulator/") };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Host.DisposeAsync();
    }

    public void Reset()
    {
        Host.Reset();
        PdSession.Clear();
    }

    public JToken? Post(string path, object body)
    {
        var content = new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        var response = Control.PostAsync(path, content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, path + ": " + text);
        return text.Length == 0 ? null : JToken.Parse(text)["data"];
    }

    public void Seed(int count, string? ownerId = null, string prefix = "seed-") =>
        Post("seed", new Dictionary<string, object?> { ["count"] = count, ["owner_id"] = ownerId, ["name_prefix"] = prefix });

    public void Fault(string method, string path, string action, int count = 1, int? status = null, int delayMs = 0)
    {
        var body = new Dictionary<string, object?> { ["method"] = method, ["path"] = path, ["count"] = count, ["action"] = action, ["delay_ms"] = delayMs };
        if (status != null) body["status"] = status;
        Post("faults", body);
    }

    /// <summary>The API requests logged since the last reset: (method, path, query).</summary>
    public List<(string Method, string Path, string Query)> Requests()
    {
        var text = Control.GetStringAsync("requests").GetAwaiter().GetResult();
        return JToken.Parse(text)["data"]!.Select(r => ((string)r["method"]!, (string)r["path"]!, (string?)r["query"] ?? "")).ToList();
    }

    public void ClearRequests() => Control.DeleteAsync("requests").GetAwaiter().GetResult();

    public static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    /// <summary>A PowerShell with the module imported from its assembly.</summary>
    public static PowerShell NewShell()
    {
        var iss = InitialSessionState.CreateDefault2();
        var ps = PowerShell.Create(iss);
        ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(PdClient).Assembly).Invoke();
        ps.Commands.Clear();
        return ps;
    }

    /// <summary>Connects the process to the emulator with the default key.</summary>
    public PdConnection Connect(string? orgId = null)
    {
        using var ps = NewShell();
        ps.AddCommand("Connect-PdAccount").AddParameter("ApiKey", Secure(Key)).AddParameter("BaseUri", Host.BaseUri).AddParameter("PassThru");
        if (orgId != null) ps.AddParameter("OrgId", orgId);
        var result = ps.Invoke();
        Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        return (PdConnection)result.Single().BaseObject;
    }
}

[CollectionDefinition("Emulator")]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
}
