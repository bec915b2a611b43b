using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSPipedream.Connection;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>
/// Import-PdConfiguration -Confirm answered as a user would, through a host's prompts: each change
/// is asked by name (and id), a No skips it and what depends on it, and No to All sends nothing more.
/// What reached the API is counted from the emulator's request log.
/// </summary>
[Collection("Emulator")]
public sealed class ConfigurationConfirmTests : IDisposable
{
    private const string Setup = @"
        $null = New-PdWebhook -Name hook-a -Url https://example.com/a
        $null = New-PdWebhook -Name hook-b -Url https://example.com/b
        $a = New-PdSource -ComponentKey schedule-every-interval -Name src-a -Props @{ timer = @{ intervalSeconds = 60 } }
        $b = New-PdSource -ComponentKey schedule-every-interval -Name src-b -Props @{ timer = @{ intervalSeconds = 120 } }
        $null = New-PdSubscription -EmitterId $a.Id -ListenerId (Get-PdWebhook -All | Where-Object Name -eq hook-a).Id
        $null = New-PdSubscription -EmitterId $b.Id -ListenerId (Get-PdWebhook -All | Where-Object Name -eq hook-b).Id
        Export-PdConfiguration";

    private readonly EmulatorFixture _emu;

    public ConfigurationConfirmTests(EmulatorFixture emu)
    {
        _emu = emu;
        _emu.Reset();
    }

    public void Dispose() => PdSession.Clear();

    /// <summary>The account exported, then emptied: importing the text creates it all again.</summary>
    private string ExportThenEmpty()
    {
        var text = (string)Run(new ScriptedHost(), Setup).Single().BaseObject;
        _emu.Reset();
        return text;
    }

    private List<PSObject> Run(ScriptedHost host, string script, string? text = null)
    {
        _emu.Connect();
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(PdClient).Assembly).Invoke();
        ps.Commands.Clear();
        runspace.SessionStateProxy.SetVariable("text", text);
        ps.AddScript(script);
        var output = ps.Invoke().ToList();
        Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        return output;
    }

    private int Writes(string method, string path) => _emu.Requests().Count(r => r.Method == method && r.Path == path);

    private static string ResultOf(IEnumerable<PSObject> output, string name) =>
        (string)output.Single(o => (string)o.Properties["Name"].Value == name).Properties["Result"].Value;

    [Fact]
    public void A_No_skips_that_change_and_what_depends_on_it_and_nothing_else()
    {
        var text = ExportThenEmpty();
        _emu.ClearRequests();
        // hook-a yes, hook-b no, the component yes, both sources yes, the one subscription left yes.
        var host = new ScriptedHost("Y", "N", "Y", "Y", "Y", "Y");

        var output = Run(host, "Import-PdConfiguration -InputObject $text -Confirm", text);

        Assert.Equal(6, host.Prompts.Count);
        Assert.Contains("Webhook 'hook-a'", host.Prompts[0]);
        Assert.Contains("Webhook 'hook-b'", host.Prompts[1]);
        Assert.Contains("Source 'src-a'", host.Prompts[3]);
        Assert.Contains("Subscription 'source:src-a -> webhook:hook-a'", host.Prompts[5]);
        Assert.Equal("Skipped because it was not confirmed.", ResultOf(output, "hook-b"));
        Assert.Equal("Skipped because Webhook 'hook-b' was not written.", ResultOf(output, "source:src-b -> webhook:hook-b"));
        Assert.Equal("Done", ResultOf(output, "source:src-a -> webhook:hook-a"));
        Assert.Equal(1, Writes("POST", "/v1/webhooks"));
        Assert.Equal(2, Writes("POST", "/v1/sources"));
        Assert.Equal(1, Writes("POST", "/v1/subscriptions"));
    }

    [Fact]
    public void No_to_All_stops_asking_and_sends_nothing_more()
    {
        var text = ExportThenEmpty();
        _emu.ClearRequests();
        var host = new ScriptedHost("Y", "L");

        var output = Run(host, "Import-PdConfiguration -InputObject $text -Confirm -WarningAction SilentlyContinue", text);

        Assert.Equal(2, host.Prompts.Count);
        Assert.Equal(1, Writes("POST", "/v1/webhooks"));
        Assert.DoesNotContain(_emu.Requests(), r => r.Method != "GET" && !(r.Method == "POST" && r.Path == "/v1/webhooks"));
        Assert.Equal(6, output.Count);
        Assert.Equal(5, output.Count(o => ((string)o.Properties["Result"].Value).StartsWith("Skipped because", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_update_and_a_removal_are_asked_by_name_and_id_and_a_No_to_the_removal_deletes_nothing()
    {
        var text = (string)Run(new ScriptedHost(), Setup).Single().BaseObject;
        var ids = Run(new ScriptedHost(), @"
            Disable-PdSource -Id (Get-PdSource -All -Name src-a).Id -Confirm:$false
            (New-PdWebhook -Name extra -Url https://example.com/extra).Id
            (Get-PdSource -All -Name src-a).Id");
        _emu.ClearRequests();
        var host = new ScriptedHost("Y", "N");

        var output = Run(host, "Import-PdConfiguration -InputObject $text -Prune -Confirm", text);

        Assert.Equal(2, host.Prompts.Count);
        Assert.Contains("Source 'src-a' (" + ids[1] + ")", host.Prompts[0]);
        Assert.Contains("Webhook 'extra' (" + ids[0] + ")", host.Prompts[1]);
        Assert.Equal("Done", ResultOf(output, "src-a"));
        Assert.Equal("Skipped because it was not confirmed.", ResultOf(output, "extra"));
        Assert.Equal(1, Writes("PUT", "/v1/sources/" + ids[1]));
        Assert.DoesNotContain(_emu.Requests(), r => r.Method == "DELETE");
    }

    [Fact]
    public void A_webhook_Replace_says_plainly_that_it_deletes_the_old_one_and_asks_once()
    {
        var text = (string)Run(new ScriptedHost(), Setup).Single().BaseObject;
        var hookId = (string)Run(new ScriptedHost(), "(Get-PdWebhook -All | Where-Object Name -eq hook-a).Id").Single().BaseObject;
        text = text.Replace("https://example.com/a", "https://example.com/a2");
        _emu.ClearRequests();
        var whatIf = new ScriptedHost();

        Run(whatIf, "Import-PdConfiguration -InputObject $text -WhatIf", text);

        var line = Assert.Single(whatIf.Lines, l => l.Contains("Replace"));
        Assert.Contains("Replace webhook: creates the new webhook, moves 1 subscription to it, deletes the old one", line);
        Assert.Contains("Webhook 'hook-a' (" + hookId + ")", line);
        Assert.DoesNotContain(_emu.Requests(), r => r.Method != "GET");

        var confirm = new ScriptedHost("N");
        var output = Run(confirm, "Import-PdConfiguration -InputObject $text -Confirm", text);
        Assert.Contains("deletes the old one", Assert.Single(confirm.Prompts));
        Assert.Equal("Skipped because it was not confirmed.", ResultOf(output, "hook-a"));
        Assert.DoesNotContain(_emu.Requests(), r => r.Method != "GET");
    }
}
