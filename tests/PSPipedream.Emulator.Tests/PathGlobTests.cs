using System.Diagnostics;
using Xunit;

namespace PSPipedream.Emulator.Tests;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("*", "")]
    [InlineData("*", "/v1/users/me")]
    [InlineData("**", "/v1/users/me")]
    [InlineData("/v1/users/me", "/v1/users/me")]
    [InlineData("/V1/Users/ME", "/v1/users/me")]
    [InlineData("/v1/users/me/sources*", "/v1/users/me/sources")]
    [InlineData("/v1/users/me/sources*", "/v1/users/me/sources/")]
    [InlineData("/v1/*/event_summaries", "/v1/sources/dc_1/event_summaries")]
    [InlineData("/v1/*/event_summaries", "/v1/workflows/p_1/$errors/event_summaries")]
    [InlineData("/v1/workflows/*/$errors/*", "/v1/workflows/p_1/$errors/event_summaries")]
    [InlineData("*ab*ab", "xabyab")]
    [InlineData("*ab*ab", "abab")]
    [InlineData("a?b", "a?b")]
    [InlineData("(x)+[y]", "(x)+[y]")]
    [InlineData("*sources", "/v1/users/me/sources\n/v1/users/me/sources")]
    public void Matches(string glob, string path) => Assert.True(PathGlob.IsMatch(glob, path));

    [Theory]
    [InlineData("/v1/users/me", "/v1/users/me/")]
    [InlineData("/v1/users/me/sources*", "/v1/users/me")]
    [InlineData("*a", "ab")]
    [InlineData("a*", "ba")]
    [InlineData("*ab*ab", "xabyba")]
    [InlineData("a.b", "axb")]
    [InlineData("a?b", "axb")]
    [InlineData("", "/v1")]
    public void DoesNotMatch(string glob, string path) => Assert.False(PathGlob.IsMatch(glob, path));

    [Fact]
    public void ManyStars_AgainstALongPath_AnswerAtOnce()
    {
        // Ten stars each followed by an "a", then a "b" the path never has: the worst case for a
        // backtracking matcher, which tries every way of sharing the path out among the stars.
        string glob = string.Concat(Enumerable.Repeat("*a", 10)) + "b";
        string path = "/" + new string('a', 99);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) Assert.False(PathGlob.IsMatch(glob, path));
        Assert.True(PathGlob.IsMatch(glob, path + "b"));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"1000 matches took {sw.ElapsedMilliseconds} ms");
    }
}
