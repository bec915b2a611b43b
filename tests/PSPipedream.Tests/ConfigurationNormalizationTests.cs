using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationNormalizationTests
{
    [Theory]
    [InlineData("""{"intervalSeconds": 60}""", """{"cron": null, "interval_seconds": 60}""")]
    [InlineData("""{"a": 1, "b": null}""", """{"a": 1}""")]
    [InlineData("""{"b": 2, "a": 1}""", """{"a": 1, "b": 2}""")]
    [InlineData("""{"Url": "x"}""", """{"url": "x"}""")]
    [InlineData("1", "1.0")]
    [InlineData("[1, 2.50]", "[1.0, 2.5]")]
    [InlineData("""{"n": {"deep": 3}}""", """{"N": {"Deep": 3.0, "gone": null}}""")]
    [InlineData("""{"$secret": "src.token"}""", "\"the live value\"")]
    [InlineData("""{"$app": "github"}""", """{"authProvisionId": "apn_1"}""")]
    public void TheseCompareEqual(string wanted, string live)
    {
        Assert.True(ConfigValues.Same(JToken.Parse(wanted), JToken.Parse(live)));
    }

    [Theory]
    [InlineData("""{"intervalSeconds": 60}""", """{"interval_seconds": 61}""")]
    [InlineData("1", "\"1\"")]
    [InlineData("[1, 2]", "[2, 1]")]
    [InlineData("\"x\"", "null")]
    [InlineData("\"x\"", "\"X\"")]
    public void TheseDiffer(string wanted, string live)
    {
        Assert.False(ConfigValues.Same(JToken.Parse(wanted), JToken.Parse(live)));
    }

    [Fact]
    public void APlaceholderOnTheLiveSideIsNotAWantedValue()
    {
        Assert.False(ConfigValues.Same(JToken.Parse("\"plain\""), JToken.Parse("""{"$secret": "src.token"}""")));
    }

    [Fact]
    public void NullAndAbsentAreOneAndTheSame()
    {
        Assert.True(ConfigValues.Same(null, JValue.CreateNull()));
        Assert.True(ConfigValues.Same(null, JToken.Parse("""{"cron": null}""")));
    }
}
