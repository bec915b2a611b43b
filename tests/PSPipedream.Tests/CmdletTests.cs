using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSPipedream.Connection;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

[Collection("Emulator")]
public sealed class CmdletTests : IDisposable
{
    private readonly EmulatorFixture _emu;

    public CmdletTests(EmulatorFixture emu)
    {
        _emu = emu;
        _emu.Reset();
    }

    public void Dispose() => PdSession.Clear();

    private static (List<PSObject> Output, PowerShell Shell) Run(string script, Action<PowerShell>? setup = null)
    {
        var ps = EmulatorFixture.NewShell();
        setup?.Invoke(ps);
        ps.AddScript(script);
        var output = ps.Invoke().ToList();
        return (output, ps);
    }

    [Fact]
    public void Connect_sets_the_current_connection_and_hides_the_key()
    {
        var connection = _emu.Connect();
        Assert.Equal("u_emulator", connection.UserId);
        Assert.Equal("emulator", connection.Username);
        Assert.Equal("Parameter", connection.KeySource);
        Assert.Equal("****" + EmulatorFixture.Key[^4..], connection.ApiKeyHint);
        Assert.Same(connection, PdSession.Current);
        Assert.DoesNotContain(EmulatorFixture.Key, connection.ToString());

        var (output, ps) = Run("Get-PdContext | Format-List * | Out-String");
        Assert.DoesNotContain(EmulatorFixture.Key, (string)output.Single().BaseObject);
        ps.Dispose();
    }

    [Fact]
    public void Bad_key_fails_at_connect_with_PdUnauthorized()
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddCommand("Connect-PdAccount").AddParameter("ApiKey", EmulatorFixture.Secure("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")).AddParameter("BaseUri", _emu.Host.BaseUri);
        var ex = Assert.Throws<CmdletInvocationException>(() => ps.Invoke());
        var record = ((IContainsErrorRecord)ex).ErrorRecord;
        Assert.StartsWith("PdUnauthorized", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.Null(PdSession.Current);
        Assert.DoesNotContain("zzzzzzzzzzzzzzzz", ex.ToString());
    }

    [Fact]
    public void An_empty_key_is_PdNoApiKey_and_a_padded_one_is_trimmed()
    {
        using (var ps = EmulatorFixture.NewShell())
        {
            ps.AddCommand("Connect-PdAccount").AddParameter("ApiKey", EmulatorFixture.Secure("  ")).AddParameter("BaseUri", _emu.Host.BaseUri);
            var ex = Assert.Throws<CmdletInvocationException>(() => ps.Invoke());
            Assert.StartsWith("PdNoApiKey", ((IContainsErrorRecord)ex).ErrorRecord.FullyQualifiedErrorId);
        }
        using (var ps = EmulatorFixture.NewShell())
        {
            ps.AddCommand("Connect-PdAccount").AddParameter("ApiKey", EmulatorFixture.Secure(" " + EmulatorFixture.Key + "\r\n")).AddParameter("BaseUri", _emu.Host.BaseUri);
            ps.Invoke();
            Assert.Equal("u_emulator", PdSession.Current!.UserId);
        }
    }

    [Fact]
    public void All_of_250_sources_takes_three_requests_and_streams()
    {
        _emu.Seed(250);
        _emu.Connect();
        _emu.ClearRequests();
        var (output, ps) = Run("Get-PdSource -All");
        ps.Dispose();
        Assert.Equal(250, output.Count);
        Assert.Equal(250, output.Select(o => ((Source)o.BaseObject).Id).Distinct().Count());
        var requests = _emu.Requests();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("limit=100", r.Query));
    }

    [Fact]
    public void First_5_is_one_request_of_limit_5()
    {
        _emu.Seed(30);
        _emu.Connect();
        _emu.ClearRequests();
        var (output, ps) = Run("Get-PdSource -First 5");
        ps.Dispose();
        Assert.Equal(5, output.Count);
        var request = Assert.Single(_emu.Requests());
        Assert.Equal("limit=5", request.Query);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" -Skip 5")]
    public void First_0_with_IncludeTotalCount_writes_only_the_total(string skip)
    {
        _emu.Seed(30);
        _emu.Connect();
        _emu.ClearRequests();
        var (output, ps) = Run("Get-PdSource -First 0 -IncludeTotalCount" + skip);
        ps.Dispose();
        var total = Assert.Single(output);
        Assert.Equal(30UL, total.BaseObject);
        var request = Assert.Single(_emu.Requests());
        Assert.Equal("limit=1", request.Query);
    }

    [Fact]
    public void Select_first_1_sends_one_request()
    {
        _emu.Seed(250);
        _emu.Connect();
        _emu.ClearRequests();
        var (output, ps) = Run("Get-PdSource -All | Select-Object -First 1");
        ps.Dispose();
        Assert.Single(output);
        Assert.Single(_emu.Requests());
    }

    [Fact]
    public void Verbose_shows_each_request_and_no_stream_holds_the_key()
    {
        _emu.Seed(3);
        _emu.Connect();
        var (output, ps) = Run("Get-PdSource -All -Verbose -Debug; Get-PdUser -Verbose -Debug; Get-PdContext | Out-String");
        var verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
        Assert.Contains(verbose, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^GET http://127\.0\.0\.1:\d+/v1/users/me/sources\?limit=100 -> 200 \(\d+ ms\)$"));
        Assert.Contains(verbose, v => v.StartsWith("GET ", StringComparison.Ordinal) && v.Contains("/v1/users/me -> 200"));
        Assert.NotEmpty(ps.Streams.Debug);
        var everything = string.Join("\n", output.Select(o => o.ToString())
            .Concat(verbose)
            .Concat(ps.Streams.Debug.Select(d => d.Message))
            .Concat(ps.Streams.Information.Select(i => i.ToString()))
            .Concat(ps.Streams.Warning.Select(w => w.Message))
            .Concat(ps.Streams.Error.Select(e => e.ToString())));
        Assert.DoesNotContain(EmulatorFixture.Key, everything);
        ps.Dispose();
    }

    [Fact]
    public void Ctrl_C_ends_a_slow_request_promptly()
    {
        _emu.Connect();
        _emu.Fault("GET", "/v1/users/me/sources*", "delay", delayMs: 10000);
        using var ps = EmulatorFixture.NewShell();
        ps.AddCommand("Get-PdSource");
        var async = ps.BeginInvoke();
        // Wait until the request is in flight (the cmdlet has started and is blocked on it).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (ps.InvocationStateInfo.State != PSInvocationState.Running && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Thread.Sleep(500);
        var watch = Stopwatch.StartNew();
        ps.Stop();
        watch.Stop();
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + watch.Elapsed);
        Assert.Empty(ps.Streams.Error);
    }

    [Fact]
    public void Hostile_org_id_stays_in_its_segment()
    {
        _emu.Connect();
        _emu.ClearRequests();
        var (output, ps) = Run("Get-PdSource -OrgId 'o_x/../../users/me'");
        Assert.Empty(output);
        var error = Assert.Single(ps.Streams.Error);
        Assert.Contains(error.FullyQualifiedErrorId.Split(',')[0], new[] { "PdNotFound", "PdForbidden" });
        var request = Assert.Single(_emu.Requests());
        Assert.NotEqual("/v1/users/me/sources", request.Path);
        Assert.StartsWith("/v1/orgs/o_x", request.Path);
        ps.Dispose();
    }

    [Fact]
    public void Id_walks_until_found_and_reports_missing_ids()
    {
        _emu.Seed(250);
        var conn = _emu.Connect();
        var ids = new List<string>();
        using (var ps = EmulatorFixture.NewShell())
        {
            ps.AddScript("Get-PdSource -All | Select-Object -ExpandProperty Id");
            ids = ps.Invoke().Select(o => (string)o.BaseObject).ToList();
        }
        _emu.ClearRequests();
        var (output, shell) = Run($"Get-PdSource -Id '{ids[150]}','{ids[3]}','dc_missing'");
        Assert.Equal(new[] { ids[3], ids[150] }, output.Select(o => ((Source)o.BaseObject).Id));
        var error = Assert.Single(shell.Streams.Error);
        Assert.StartsWith("PdNotFound", error.FullyQualifiedErrorId);
        Assert.Equal("dc_missing", error.TargetObject);
        Assert.Equal(3, _emu.Requests().Count); // dc_missing forces the whole walk: 3 pages
        shell.Dispose();

        _emu.ClearRequests();
        (output, shell) = Run($"Get-PdSource -Id '{ids[150]}'");
        Assert.Single(output);
        Assert.Equal(2, _emu.Requests().Count); // found on page 2: stops there
        Assert.Empty(shell.Streams.Error);
        shell.Dispose();
    }

    [Fact]
    public async System.Threading.Tasks.Task An_implicit_connection_that_loses_the_race_is_disposed()
    {
        var winner = _emu.Connect();
        var loser = new PdConnection(new PdClient(_emu.Host.BaseUri, EmulatorFixture.Key), null, "Environment", "****");
        Assert.Same(winner, PdSession.SetIfNone(loser));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => loser.Client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Same(winner, PdSession.SetIfNone(winner));
        Assert.NotNull(await winner.Client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
    }

    [Fact]
    public void Implicit_connection_from_environment()
    {
        var saved = new[] { "PIPEDREAM_API_KEY", "PIPEDREAM_BASE_URL", "PIPEDREAM_ORG_ID" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("PIPEDREAM_API_KEY", EmulatorFixture.Key);
            Environment.SetEnvironmentVariable("PIPEDREAM_BASE_URL", _emu.Host.BaseUri.AbsoluteUri);
            Environment.SetEnvironmentVariable("PIPEDREAM_ORG_ID", null);
            var (output, ps) = Run("Get-PdUser");
            Assert.Equal("u_emulator", ((User)output.Single().BaseObject).Id);
            Assert.Equal("Environment", PdSession.Current!.KeySource);
            ps.Dispose();

            PdSession.Clear();
            Environment.SetEnvironmentVariable("PIPEDREAM_API_KEY", null);
            (output, ps) = Run("Get-PdUser");
            var error = Assert.Single(ps.Streams.Error);
            Assert.StartsWith("PdNotConnected", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-PdAccount", error.ToString());
            Assert.Contains("PIPEDREAM_API_KEY", error.ToString());
            ps.Dispose();
        }
        finally
        {
            foreach (var kv in saved) Environment.SetEnvironmentVariable(kv.Key, kv.Value);
        }
    }
}
