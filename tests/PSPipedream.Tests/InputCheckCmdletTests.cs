using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Connection;
using PSPipedream.Errors;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>Input the cmdlets refuse before any request, hosted in-process against the emulator.</summary>
[Collection("Emulator")]
public sealed class InputCheckCmdletTests : IDisposable
{
    private readonly EmulatorFixture _emu;

    public InputCheckCmdletTests(EmulatorFixture emu)
    {
        _emu = emu;
        _emu.Reset();
        _emu.Connect();
        _emu.ClearRequests();
    }

    public void Dispose() => PdSession.Clear();

    private static Hashtable SelfReferencing()
    {
        var h = new Hashtable { ["a"] = 1 };
        h["self"] = h;
        return h;
    }

    /// <summary>Runs one command and returns the terminating error it stopped with.</summary>
    private static ErrorRecord Terminating(string command, IDictionary parameters)
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddCommand(command).AddParameters(parameters);
        var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke());
        return ((IContainsErrorRecord)ex).ErrorRecord;
    }

    private static void AssertInvalidArgument(ErrorRecord record, string parameterName, string expected)
    {
        Assert.Equal(PdErrors.InvalidArgument, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal(parameterName, Assert.IsType<PdArgumentException>(record.Exception).ParameterName);
        Assert.Equal("Cannot validate argument on parameter '" + parameterName + "'. " + expected, record.Exception.Message);
    }

    [Fact]
    public void New_PdSource_refuses_props_that_hold_themselves()
    {
        var record = Terminating("New-PdSource", new Hashtable { ["ComponentId"] = "sc_x", ["Props"] = SelfReferencing() });
        AssertInvalidArgument(record, "Props", "Props.self refers back to Props: a value that contains itself cannot be sent.");
        Assert.Empty(_emu.Requests());
    }

    [Fact]
    public void Set_PdSource_refuses_props_that_are_not_data()
    {
        var props = new Hashtable { ["proc"] = Process.GetCurrentProcess() };
        var record = Terminating("Set-PdSource", new Hashtable { ["Id"] = "dc_x", ["Props"] = props });
        AssertInvalidArgument(record, "Props", "Props.proc holds a System.Diagnostics.Process, which is not data. " +
            "Use strings, numbers, booleans, dates, hashtables, arrays or PSCustomObjects.");
        Assert.Empty(_emu.Requests());
    }

    [Fact]
    public void Piped_sources_stop_at_refused_props_before_any_request()
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddScript("$h = @{ a = 1 }; $h.self = $h; 'dc_a', 'dc_b' | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Set-PdSource -Props $h");
        ps.Invoke();
        var error = Assert.Single(ps.Streams.Error);
        Assert.StartsWith(PdErrors.InvalidArgument, error.FullyQualifiedErrorId);
        Assert.Empty(_emu.Requests());
    }

    [Fact]
    public void Invoke_PdApi_refuses_a_body_that_holds_itself_and_a_deep_one()
    {
        var record = Terminating("Invoke-PdApi", new Hashtable { ["Method"] = "POST", ["Path"] = "sources", ["Body"] = SelfReferencing() });
        AssertInvalidArgument(record, "Body", "Body.self refers back to Body: a value that contains itself cannot be sent.");

        var deep = new Hashtable();
        var current = deep;
        for (var i = 0; i < 20000; i++)
        {
            var next = new Hashtable();
            current["a"] = next;
            current = next;
        }
        record = Terminating("Invoke-PdApi", new Hashtable { ["Method"] = "PUT", ["Path"] = "sources/dc_x", ["Body"] = deep });
        Assert.Equal("Body", Assert.IsType<PdArgumentException>(record.Exception).ParameterName);
        Assert.Contains("is nested more than 64 levels deep", record.Exception.Message);
        Assert.Empty(_emu.Requests());
    }

    [Fact]
    public void Invoke_PdApi_refuses_a_query_value_that_is_an_object()
    {
        var query = new Hashtable { ["filter"] = new Hashtable { ["name"] = "x" } };
        var record = Terminating("Invoke-PdApi", new Hashtable { ["Path"] = "users/me/sources", ["Query"] = query });
        AssertInvalidArgument(record, "Query",
            "Query.filter holds a System.Collections.Hashtable; a query value must be a string, number, boolean or date, or a flat list of them.");
        Assert.Empty(_emu.Requests());
    }

    [Fact]
    public async System.Threading.Tasks.Task Valid_props_are_sent_as_before()
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddScript("""
            $when = [datetime]::new(2024, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
            $props = @{ url = 'https://example.com/feed'; timer = @{ intervalSeconds = 60 }; tags = @('a', 'b'); at = $when; obj = [pscustomobject]@{ n = 1.5 } }
            $s = New-PdSource -ComponentCode 'module.exports = { name: "x", version: "0.0.1", props: {}, run() {} }' -Name 'freeform' -Props $props
            Set-PdSource -Id $s.Id -Props $props
            Invoke-PdApi -Method PUT -Path "sources/$($s.Id)" -Body @{ configured_props = $props } -Query @{ ids = 'a', 'b'; on = $true }
            """);
        ps.Invoke();
        Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        var requests = _emu.Requests();
        Assert.Equal(new[] { "POST", "PUT", "PUT" }, requests.Select(r => r.Method));
        Assert.Contains("ids=a%2Cb", requests[2].Query);
        Assert.Contains("on=true", requests[2].Query);

        var logged = JToken.Parse(await _emu.Control.GetStringAsync("requests"))["data"]!;
        var expected = JToken.Parse("""
            {"url":"https://example.com/feed","timer":{"intervalSeconds":60},"tags":["a","b"],"at":"2024-01-02T03:04:05.0000000Z","obj":{"n":1.5}}
            """);
        foreach (var entry in logged)
        {
            Assert.True(JToken.DeepEquals(expected, entry["body"]!["configured_props"]), entry["body"]!.ToString());
        }
    }

    /// <summary>The one error a command fails with, terminating or not.</summary>
    private static ErrorRecord OneError(string command, IDictionary parameters)
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddCommand(command).AddParameters(parameters);
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex) when (ex is IContainsErrorRecord)
        {
            Assert.Empty(ps.Streams.Error);
            return ((IContainsErrorRecord)ex).ErrorRecord;
        }
        return Assert.Single(ps.Streams.Error);
    }

    public static TheoryData<string, string, string, string> IdParameters() => new()
    {
        { "Get-PdSource", "Id", "dc_", "" },
        { "Set-PdSource", "Id", "dc_", "Name=n" },
        { "Remove-PdSource", "Id", "dc_", "Force" },
        { "Get-PdEvent", "SourceId", "dc_", "" },
        { "Remove-PdEvent", "EventId", "1-", "SourceId=dc_ok Force" },
        { "Remove-PdEvent", "StartId", "1-", "SourceId=dc_ok Force" },
        { "Get-PdWorkflowEvent", "WorkflowId", "p_", "" },
        { "Get-PdComponent", "Key", "sc_", "" },
        { "New-PdSource", "ComponentId", "sc_", "" },
        { "New-PdSource", "ComponentKey", "", "" },
        { "New-PdSubscription", "EmitterId", "dc_", "ListenerId=p_x" },
        { "New-PdSubscription", "EventName", "", "EmitterId=dc_x ListenerId=p_x" },
        { "Remove-PdSubscription", "ListenerId", "p_", "EmitterId=dc_x" },
        { "New-PdAutoSubscription", "ListenerId", "wh_", "EventName=default" },
        { "Remove-PdWebhook", "Id", "wh_", "Force" },
    };

    private static Hashtable Parameters(string parameterName, string value, string extra)
    {
        var parameters = new Hashtable { [parameterName] = value };
        foreach (var part in extra.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            parameters[pair[0]] = pair.Length == 2 ? pair[1] : true;
        }
        return parameters;
    }

    [Theory]
    [MemberData(nameof(IdParameters))]
    public void Ids_over_1000_characters_are_refused_before_any_request(string command, string parameterName, string prefix, string extra)
    {
        var id = prefix + string.Concat(Enumerable.Repeat("1234567890", 150));
        var record = OneError(command, Parameters(parameterName, id, extra));
        Assert.Equal(PdErrors.InvalidArgument, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Contains("'" + parameterName + "'", record.Exception.Message);
        Assert.Contains(" characters long; at most 1,000 are accepted.", record.Exception.Message);
        Assert.True(record.Exception.Message.Length < 400, record.Exception.Message);
        Assert.Empty(_emu.Requests());
    }

    [Theory]
    [MemberData(nameof(IdParameters))]
    public void Ids_with_control_characters_are_refused_without_echoing_them(string command, string parameterName, string prefix, string extra)
    {
        var id = prefix + "1\u001b]0;owned\u0007\u001b[2J";
        var record = OneError(command, Parameters(parameterName, id, extra));
        Assert.Equal(PdErrors.InvalidArgument, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'" + parameterName + "'", record.Exception.Message);
        Assert.Contains(@"\u001b]0;owned\u0007", record.Exception.Message);
        Assert.DoesNotContain(record.Exception.Message, char.IsControl);
        Assert.Empty(_emu.Requests());
    }
}
