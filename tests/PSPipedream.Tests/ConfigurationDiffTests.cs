using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationDiffTests
{
    [Fact]
    public void AnAccountJustExportedComparesClean()
    {
        Assert.Empty(ConfigDiff.Compare(ConfigurationFixtures.ExportedFile(), ConfigurationFixtures.Live()));
    }

    [Fact]
    public void AHandWrittenTimerAndMissingEndpointCompareClean()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Sources.Single(s => s.Name == "rss-news").Props["timer"] = JToken.Parse("""{"intervalSeconds": 60.0}""");
        file.Sources.Single(s => s.Name == "inbound").Props.Remove("http");

        Assert.Empty(ConfigDiff.Compare(file, ConfigurationFixtures.Live()));
    }

    [Fact]
    public void AChangedSourceIsAnUpdateWithItsLiveIdAndEachProperty()
    {
        var file = ConfigurationFixtures.ExportedFile();
        var source = file.Sources.Single(s => s.Name == "rss-news");
        source.Active = false;
        source.Props["url"] = "https://example.com/other";

        var change = Assert.Single(ConfigDiff.Compare(file, ConfigurationFixtures.Live()));

        Assert.Equal((ConfigurationAction.Update, ConfigurationKind.Source, "rss-news", "dc_news"), (change.Action, change.Kind, change.Name, change.Id));
        Assert.Equal(new[] { "active", "props.url" }, change.Changes.Select(c => c.Property).ToArray());
        Assert.Equal("https://example.com/feed", change.Changes[1].Live);
        Assert.Equal("https://example.com/other", change.Changes[1].Wanted);
    }

    [Fact]
    public void ASecretPlaceholderNeverCountsAsAChange()
    {
        var file = ConfigurationFixtures.ExportedFile();
        var live = ConfigBuilder.FromLive(ConfigurationFixtures.Sources(), ConfigurationFixtures.Subscriptions(),
            ConfigurationFixtures.Webhooks(), new Component[0], "u_owner");

        // Without the components the live side cannot tell the secret by its flag; "token" is caught by
        // its name, so the real value is put back here for a prop the name guard would miss.
        live.Document.Sources.Single(s => s.Name == "rss-news").Props["token"] = ConfigurationFixtures.SecretValue;
        Assert.Contains(ConfigurationFixtures.SecretValue, live.Document.Sources.Single(s => s.Name == "rss-news").Props.ToString());
        var changes = ConfigDiff.Compare(file, live).SelectMany(c => c.Changes).Select(c => c.Property).ToArray();
        Assert.DoesNotContain("props.token", changes);
        Assert.DoesNotContain("props.github", changes);
    }

    [Fact]
    public void AChangedWebhookIsReplacedAndNewItemsAreCreated()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Webhooks[0].Url = "https://hooks.example.com/b";
        file.Webhooks.Add(new ConfigWebhook { Name = "new-hook", Url = "https://n.example.com" });
        file.Subscriptions.Add(new ConfigSubscription { Emitter = ConfigEnd.Source("rss-news"), Listener = ConfigEnd.Webhook("new-hook") });

        var changes = ConfigDiff.Compare(file, ConfigurationFixtures.Live());

        var replace = changes.Single(c => c.Action == ConfigurationAction.Replace);
        Assert.Equal((ConfigurationKind.Webhook, "alerts", "wh_alerts"), (replace.Kind, replace.Name, replace.Id));
        Assert.Equal("url", Assert.Single(replace.Changes).Property);
        Assert.Contains(changes, c => c.Action == ConfigurationAction.Create && c.Kind == ConfigurationKind.Webhook && c.Name == "new-hook" && c.Id == null);
        Assert.Contains(changes, c => c.Action == ConfigurationAction.Create && c.Kind == ConfigurationKind.Subscription && c.Name == "source:rss-news -> webhook:new-hook");
    }

    [Fact]
    public void WhatTheFileDoesNotHoldIsRemovedWithItsId()
    {
        var file = ConfigurationFixtures.ExportedFile();
        file.Sources.RemoveAll(s => s.Name == "inbound");
        file.Subscriptions.RemoveAll(s => s.Emitter.Value == "inbound");

        var changes = ConfigDiff.Compare(file, ConfigurationFixtures.Live());

        Assert.Equal(new[] { "Remove Source inbound dc_hook", "Remove Subscription source:inbound -> webhook:alerts sub_2" },
            changes.Select(c => c.Action + " " + c.Kind + " " + c.Name + " " + c.Id).OrderBy(s => s).ToArray());
    }

    [Fact]
    public void IncludeScopesTheWorkAndLeavesSubscriptionsWithEndsOutOfScopeAlone()
    {
        var file = new ConfigDocument();

        var sourcesOnly = ConfigDiff.Compare(file, ConfigurationFixtures.Live(), new ConfigScope(new[] { ConfigurationKind.Source }));
        Assert.All(sourcesOnly, c => Assert.Equal(ConfigurationKind.Source, c.Kind));
        Assert.Equal(2, sourcesOnly.Count);

        var subscriptionsAndSources = ConfigDiff.Compare(file, ConfigurationFixtures.Live(),
            new ConfigScope(new[] { ConfigurationKind.Subscription, ConfigurationKind.Source }));
        Assert.Equal(new[] { "source:rss-news -> p_wf1 (default)" },
            subscriptionsAndSources.Where(c => c.Kind == ConfigurationKind.Subscription).Select(c => c.Name).ToArray());
    }
}
