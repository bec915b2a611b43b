using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationSecretNameTests
{
    [Theory]
    [InlineData("token")]
    [InlineData("accessToken")]
    [InlineData("client_secret")]
    [InlineData("dbPassword")]
    [InlineData("API-Key")]
    [InlineData("apikey")]
    [InlineData("private_key")]
    [InlineData("aws_access_key_id")]
    public void ANameThatReadsLikeASecretHoldingTextIsTakenForOne(string name) =>
        Assert.True(ConfigSecretNames.LooksSecret(name, new JValue("value")));

    [Theory]
    [InlineData("url", "https://example.com")]
    [InlineData("keyword", "rss")]
    [InlineData("token", "")]
    public void OtherNamesAndEmptyTextAreNot(string name, string value) =>
        Assert.False(ConfigSecretNames.LooksSecret(name, new JValue(value)));

    [Fact]
    public void ANumberIsNotTakenForASecret() =>
        Assert.False(ConfigSecretNames.LooksSecret("max_tokens", new JValue(5)));

    [Fact]
    public void WithoutItsComponentsFlagsASecretByNameIsStillLeftOutAndNamedForAWarning()
    {
        var live = ConfigBuilder.FromLive(ConfigurationFixtures.Sources(), ConfigurationFixtures.Subscriptions(),
            ConfigurationFixtures.Webhooks(), new Component[0], "u_owner");

        Assert.DoesNotContain(ConfigurationFixtures.SecretValue, ConfigWriter.Write(live.Document));
        Assert.Equal(new[] { "rss-news.token" }, live.GuessedSecrets);
    }
}
