using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>
/// The module's face: what a script can name. Everything else is a helper, internal, so it can
/// change without breaking anyone (the tests see helpers through InternalsVisibleTo).
/// </summary>
public class PublicSurfaceTests
{
    /// <summary>The cmdlets, by class: the manifest exports one cmdlet for each, and their ErrorIds end in these names.</summary>
    private static readonly string[] Cmdlets =
    {
        "AddPdEmulatorFaultCommand", "AddPdEmulatorSourceCommand", "ClearPdEmulatorFaultCommand",
        "ClearPdEmulatorRequestCommand", "ComparePdConfigurationCommand", "ConnectPdAccountCommand", "DisablePdSourceCommand",
        "DisconnectPdAccountCommand", "EnablePdSourceCommand", "ExportPdConfigurationCommand", "GetPdComponentCommand", "GetPdContextCommand", "ImportPdConfigurationCommand",
        "GetPdEmulatorRequestCommand", "GetPdEventCommand", "GetPdOrgCommand", "GetPdSourceCommand",
        "GetPdSubscriptionCommand", "GetPdUserCommand", "GetPdWebhookCommand", "GetPdWorkflowErrorCommand",
        "GetPdWorkflowEventCommand", "InvokePdApiCommand", "NewPdAutoSubscriptionCommand", "NewPdComponentCommand",
        "NewPdEmulatorWorkflowCommand", "NewPdSourceCommand", "NewPdSubscriptionCommand", "NewPdWebhookCommand",
        "RemovePdEventCommand", "RemovePdSourceCommand", "RemovePdSubscriptionCommand", "RemovePdWebhookCommand",
        "ResetPdEmulatorCommand", "SendPdEmulatorEventCommand", "SetPdSourceCommand", "StartPdEmulatorCommand",
        "StopPdEmulatorCommand", "TestPdConfigurationCommand",
    };

    /// <summary>What the cmdlets write (their [OutputType]s), and the types of those objects' properties.</summary>
    private static readonly string[] OutputTypes =
    {
        "AutoSubscription", "Component", "ConfigurableProp", "Event", "EventMetadata", "Org", "Source",
        "Subscription", "User", "Webhook", "WorkflowError", "WorkflowErrorDetail",
        "ConfigurationChange", "ConfigurationPropertyChange", "ConfigurationAction", "ConfigurationKind",
        "PdEmulator", "PdEmulatorUser", "PdEmulatorRequest", "PdEmulatorFault", "PdEmulatorSeed", "PdEmulatorWorkflow", "PdEmulatorSchedule",
    };

    /// <summary>
    /// What scripts name besides output types: the connection they pass to -Connection, the
    /// exceptions they catch (every error record carries one), what the views call, and the
    /// enums parameters take (-As).
    /// </summary>
    private static readonly string[] ScriptFacing =
    {
        "PdConnection", "PdApiException", "PdArgumentException", "PdFormat", "ConfigurationFormat",
    };

    private static IEnumerable<string> AllowList() =>
        Cmdlets.Select(name => "PSPipedream.Cmdlets." + name)
            .Concat(OutputTypes.Concat(ScriptFacing).Select(name => "PSPipedream." + name));

    [Fact]
    public void OnlyTheCmdletsOutputTypesAndWhatScriptsNameArePublic()
    {
        var assembly = typeof(PdConnection).Assembly;
        var exported = assembly.GetExportedTypes();
        var allowed = new HashSet<string>(AllowList(), StringComparer.Ordinal);

        // C# makes a public class's base class public too (CS0060): the cmdlet bases and PdModel;
        // and a public generic class's constraints (CS0703), such as PdModel and Event on the list bases.
        foreach (var type in exported.Where(t => allowed.Contains(t.FullName!)).ToList())
        {
            for (var b = type.BaseType; b != null && b.Assembly == assembly; b = b.BaseType)
            {
                var definition = b.IsGenericType ? b.GetGenericTypeDefinition() : b;
                allowed.Add(definition.FullName!);
                foreach (var parameter in definition.GetGenericArguments())
                {
                    foreach (var constraint in parameter.GetGenericParameterConstraints().Where(c => c.Assembly == assembly))
                        allowed.Add(constraint.FullName!);
                }
            }
        }

        var names = exported.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        var unexpected = names.Where(n => !allowed.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var missing = AllowList().Where(n => !names.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            "The public types of PSPipedream differ from the allow-list in PublicSurfaceTests." + Environment.NewLine +
            "Public but not on the list (make them internal, or add them with a reason): " + Listed(unexpected) + Environment.NewLine +
            "On the list but not public (renamed, moved or hidden?): " + Listed(missing));
    }

    [Fact]
    public void TheViewsCallOnlyPublicTypes()
    {
        var formatFile = File.ReadAllText(Path.Combine(RepoRoot(), "src", "PSPipedream", "PSPipedream.Format.ps1xml"));
        var called = Regex.Matches(formatFile, @"\[(PSPipedream\.[\w.]+)\]::")
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(called);
        var exported = typeof(PdConnection).Assembly.GetExportedTypes().Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.All(called, name => Assert.True(exported.Contains(name), name + " is called by a view but is not a public type."));
        Assert.Equal(new[] { "PSPipedream.PdFormat" }, called);
    }

    private static string Listed(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? "none" : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", names);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PSPipedream.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PSPipedream.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
