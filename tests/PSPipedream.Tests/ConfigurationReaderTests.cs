using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>Every refusal is a PdInvalidConfiguration naming the JSON path of the problem.</summary>
public class ConfigurationReaderTests
{
    private const string Source = """{"name": "a", "component": {"key": "rss"}}""";

    [Theory]
    [InlineData("not json {", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("""{"sources": []}""", "$.format_version")]
    [InlineData("""{"format_version": 2}""", "$.format_version")]
    [InlineData("""{"format_version": "1"}""", "$.format_version")]
    [InlineData("""{"format_version": 1, "sources": [""" + Source + """, {"component": {"key": "rss"}}]}""", "$.sources[1].name")]
    [InlineData("""{"format_version": 1, "sources": [{"name": "a"}]}""", "$.sources[0].component")]
    [InlineData("""{"format_version": 1, "sources": [{"name": "a", "component": {}}]}""", "$.sources[0].component")]
    [InlineData("""{"format_version": 1, "sources": [{"name": "a", "active": "yes", "component": {"key": "k"}}]}""", "$.sources[0].active")]
    [InlineData("""{"format_version": 1, "sources": [""" + Source + ", " + Source + ", " + Source + ", " + Source + """]}""", "$.sources[1].name")]
    [InlineData("""{"format_version": 1, "webhooks": [{"name": "w"}]}""", "$.webhooks[0].url")]
    [InlineData("""{"format_version": 1, "webhooks": [{"name": "w", "url": "u"}, {"name": "w", "url": "v"}]}""", "$.webhooks[1].name")]
    [InlineData("""{"format_version": 1, "subscriptions": [{"listener": "p_1"}]}""", "$.subscriptions[0].emitter")]
    [InlineData("""{"format_version": 1, "subscriptions": [{"emitter": 5, "listener": "p_1"}]}""", "$.subscriptions[0].emitter")]
    [InlineData("""{"format_version": 1, "subscriptions": [{"emitter": {"source": "ghost"}, "listener": "p_1"}]}""", "$.subscriptions[0].emitter.source")]
    [InlineData("""{"format_version": 1, "subscriptions": [{"emitter": "p_1", "listener": {"webhook": "ghost"}}]}""", "$.subscriptions[0].listener.webhook")]
    [InlineData("""{"format_version": 1, "components": [{"code_hash": "h"}]}""", "$.components[0].code")]
    public void EachProblemNamesItsJsonPath(string text, string path)
    {
        var ex = Assert.Throws<PdConfigurationException>(() => ConfigReader.Read(text));

        Assert.Equal("PdInvalidConfiguration", ex.ErrorId);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(path + ":", ex.Message);
    }

    [Fact]
    public void ASubscriptionMayNameASourceOrWebhookThatOnlyTheAccountHolds()
    {
        const string text = """{"format_version": 1, "subscriptions": [{"emitter": {"source": "live-only"}, "listener": {"webhook": "hook"}}]}""";

        var document = ConfigReader.Read(text, new ConfigLiveNames(new[] { "live-only" }, new[] { "hook" }));

        Assert.Equal("source:live-only -> webhook:hook", document.Subscriptions[0].Key);
        var ex = Assert.Throws<PdConfigurationException>(() => ConfigReader.Read(text, new ConfigLiveNames(new string[0], new[] { "hook" })));
        Assert.Equal("$.subscriptions[0].emitter.source", ex.JsonPath);
        Assert.Contains("is in the file or in the account", ex.Message);
    }

    [Fact]
    public void AnExportedFileReadsBackToTheSameText()
    {
        var text = ConfigWriter.Write(ConfigurationFixtures.Live().Document);

        Assert.Equal(text, ConfigWriter.Write(ConfigReader.Read(text)));
    }

    [Fact]
    public void KeysAreReadWithoutRegardToCaseAndNullIsAbsent()
    {
        var document = ConfigReader.Read("""
        {"Format_Version": 1, "owner": null, "SOURCES": [{"Name": "a", "Active": null, "Component": {"Key": "rss"}, "props": null}]}
        """);

        Assert.Null(document.Owner);
        Assert.Equal("a", document.Sources[0].Name);
        Assert.Null(document.Sources[0].Active);
        Assert.Empty(document.Sources[0].Props);
    }
}
