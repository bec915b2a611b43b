using System.Linq;
using System.Text;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationWriterTests
{
    [Fact]
    public void TwoWritesOfTheSameAccountAreByteIdenticalWhateverTheListingOrder()
    {
        var first = ConfigWriter.WriteBytes(ConfigurationFixtures.Live().Document);
        var sources = ConfigurationFixtures.Sources();
        sources.Reverse();
        var subscriptions = ConfigurationFixtures.Subscriptions();
        subscriptions.Reverse();
        var second = ConfigWriter.WriteBytes(ConfigBuilder.FromLive(sources, subscriptions, ConfigurationFixtures.Webhooks(),
            ConfigurationFixtures.Components().Reverse(), "u_owner").Document);

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheFileIsUtf8WithoutBomWithLfNewlinesTwoSpacesAndAFinalNewline()
    {
        var bytes = ConfigWriter.WriteBytes(ConfigurationFixtures.Live().Document);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        Assert.StartsWith("{\n  \"format_version\": 1,\n  \"owner\": \"u_owner\",\n  \"sources\": [\n    {\n      \"name\": \"inbound\"", text);
    }

    [Fact]
    public void NoSecretAppConnectionEndpointIdOrTimestampReachesTheFile()
    {
        var text = ConfigWriter.Write(ConfigurationFixtures.Live().Document);

        Assert.DoesNotContain(ConfigurationFixtures.SecretValue, text);
        Assert.DoesNotContain(ConfigurationFixtures.AppConnection, text);
        Assert.DoesNotContain("endpoint_url", text);
        Assert.DoesNotContain("dc_news", text);
        Assert.DoesNotContain("sub_1", text);
        Assert.DoesNotContain("1587679599", text);
        Assert.Contains("\"$secret\": \"rss-news.token\"", text);
        Assert.Contains("\"$app\": \"github\"", text);
    }

    [Fact]
    public void SubscriptionsNameSourcesAndWebhooksOfTheDocumentAndKeepWorkflowIdsAndGlobs()
    {
        var document = ConfigurationFixtures.Live().Document;
        var keys = document.Subscriptions.Select(s => s.Key).OrderBy(k => k, System.StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "p_* -> webhook:alerts ($errors)", "source:inbound -> webhook:alerts", "source:rss-news -> p_wf1 (default)" }, keys);
        Assert.Contains("\"emitter\": {\n        \"source\": \"rss-news\"\n      }", ConfigWriter.Write(document));
    }

    [Fact]
    public void EachComponentIsKeptOnceWithItsCode()
    {
        var sources = ConfigurationFixtures.Sources();
        sources.Add(ConfigurationFixtures.Model<Source>("""{"id": "dc_more", "name": "more-news", "component_id": "sc_rss", "configured_props": {}}"""));
        var document = ConfigBuilder.FromLive(sources, ConfigurationFixtures.Subscriptions(), ConfigurationFixtures.Webhooks(),
            ConfigurationFixtures.Components(), "u_owner").Document;

        Assert.Equal(new[] { "aaa111", "bbb222" }, document.Components.Select(c => c.CodeHash).OrderBy(h => h).ToArray());
        Assert.Equal("aaa111", document.Sources.Single(s => s.Name == "more-news").Component.CodeHash);
    }

    [Fact]
    public void DuplicateNamesAreRefusedWithTheNamesUnlessForced()
    {
        var sources = ConfigurationFixtures.Sources();
        sources.Add(new Source { Id = "dc_twin", Name = "rss-news" });

        var ex = Assert.Throws<PdConfigurationException>(() => ConfigBuilder.FromLive(sources, ConfigurationFixtures.Subscriptions(),
            ConfigurationFixtures.Webhooks(), ConfigurationFixtures.Components(), "u_owner"));
        Assert.Equal("PdAmbiguousName", ex.ErrorId);
        Assert.Equal(new[] { "rss-news" }, ex.Names);
        Assert.Contains("rss-news", ex.Message);

        var forced = ConfigBuilder.FromLive(sources, ConfigurationFixtures.Subscriptions(), ConfigurationFixtures.Webhooks(),
            ConfigurationFixtures.Components(), "u_owner", force: true);
        Assert.Equal(new[] { "rss-news" }, forced.DuplicateSources);
        Assert.Equal(2, forced.Document.Sources.Count(s => s.Name == "rss-news"));
    }
}
