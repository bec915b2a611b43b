using System.Collections.Generic;
using System.Linq;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationPlanTests
{
    private static List<ConfigPlanStep> ImportIntoEmptyAccount(out ConfigDocument file)
    {
        file = ConfigurationFixtures.ExportedFile();
        var empty = ConfigBuilder.FromLive(new Source[0], new Subscription[0], new Webhook[0], new Component[0], "u_new");
        return ConfigPlan.Order(ConfigDiff.Compare(file, empty), file, empty.Ids);
    }

    [Fact]
    public void WebhooksThenComponentsThenSourcesThenSubscriptions()
    {
        var steps = ImportIntoEmptyAccount(out _);

        Assert.Equal(new[] { ConfigPlanPhase.Webhooks, ConfigPlanPhase.Components, ConfigPlanPhase.Components, ConfigPlanPhase.Sources,
            ConfigPlanPhase.Sources, ConfigPlanPhase.Subscriptions, ConfigPlanPhase.Subscriptions, ConfigPlanPhase.Subscriptions },
            steps.Select(s => s.Phase).ToArray());
        Assert.Equal(steps.Select(s => s.Phase).OrderBy(p => p), steps.Select(s => s.Phase));
    }

    [Fact]
    public void AFailedSourceSkipsOnlyItsDependants()
    {
        var steps = ImportIntoEmptyAccount(out _);
        var failed = steps.Single(s => s.Change?.Kind == ConfigurationKind.Source && s.Change.Name == "rss-news");
        var notDone = new HashSet<ConfigPlanStep> { failed };

        var skipped = steps.Where(s => s.SkipReason(notDone) != null).Select(s => s.Change!.Name).ToArray();

        Assert.Equal(new[] { "source:rss-news -> p_wf1 (default)" }, skipped);
        Assert.Contains("Source 'rss-news'", steps.Single(s => s.Change?.Name == skipped[0]).SkipReason(notDone));
    }

    [Fact]
    public void AComponentTheTargetHoldsIsNotCreatedAgain()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Sources.ForEach(s => s.Name += "-copy");
        file.Subscriptions.Clear();
        var live = ConfigurationFixtures.Live();

        var steps = ConfigPlan.Order(ConfigDiff.Compare(file, live, new ConfigScope(new[] { ConfigurationKind.Source })), file, live.Ids);

        Assert.DoesNotContain(steps, s => s.Phase == ConfigPlanPhase.Components);
    }

    [Fact]
    public void RemovalsComeLastSubscriptionsFirstAndDependOnThem()
    {
        var live = ConfigurationFixtures.Live();
        var empty = new ConfigDocument();

        var steps = ConfigPlan.Order(ConfigDiff.Compare(empty, live), empty, live.Ids);

        Assert.Equal(new[] { ConfigPlanPhase.SubscriptionRemovals, ConfigPlanPhase.SubscriptionRemovals, ConfigPlanPhase.SubscriptionRemovals,
            ConfigPlanPhase.Removals, ConfigPlanPhase.Removals, ConfigPlanPhase.Removals }, steps.Select(s => s.Phase).ToArray());
        var alerts = steps.Single(s => s.Change!.Kind == ConfigurationKind.Webhook);
        Assert.Equal(2, alerts.DependsOn.Count);
        Assert.All(alerts.DependsOn, d => Assert.Contains("webhook:alerts", d.Change!.Name));
    }

    [Fact]
    public void AComponentKnownOnlyByItsKeyIsLookedUpOnceBeforeItsSources()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Components.Clear();
        file.Sources.ForEach(s => s.Component = new ConfigComponentRef { Key = "shared-key" });
        var empty = ConfigBuilder.FromLive(new Source[0], new Subscription[0], new Webhook[0], new Component[0], "u_new");

        var steps = ConfigPlan.Order(ConfigDiff.Compare(file, empty), file, empty.Ids);

        var lookup = Assert.Single(steps, s => s.Phase == ConfigPlanPhase.Components);
        Assert.Equal("shared-key", lookup.LookupKey);
        Assert.All(steps.Where(s => s.Phase == ConfigPlanPhase.Sources), s => Assert.Contains(lookup, s.DependsOn));
        Assert.StartsWith("Skipped because component 'shared-key' could not be looked up",
            steps.First(s => s.Phase == ConfigPlanPhase.Sources).SkipReason(new HashSet<ConfigPlanStep> { lookup }));
    }

    [Fact]
    public void ASourceToCreateWhoseComponentCannotBeFoundIsRefusedBeforeAnyWrite()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Components.Clear();
        file.Sources[1].Component = new ConfigComponentRef { CodeHash = "0000" };
        var empty = ConfigBuilder.FromLive(new Source[0], new Subscription[0], new Webhook[0], new Component[0], "u_new");

        var ex = Assert.Throws<PdConfigurationException>(() => ConfigPlan.Order(ConfigDiff.Compare(file, empty), file, empty.Ids));

        Assert.Equal("PdInvalidConfiguration", ex.ErrorId);
        Assert.Equal("$.sources[1].component", ex.JsonPath);
    }
}
