using PSPipedream.Cmdlets;
using PSPipedream.Text;
using Xunit;

namespace PSPipedream.Tests;

public class PdNamePatternTests
{
    private static PdNamePattern Pattern(string text)
    {
        var pattern = PdNamePattern.Parse(text, out var problem);
        Assert.Null(problem);
        return pattern!;
    }

    [Fact]
    public void A_look_alike_with_an_invisible_character_is_a_different_name()
    {
        // WildcardPattern (a linguistic comparison) takes all of these for "prod-db".
        var pattern = Pattern("prod-db");
        Assert.True(pattern.IsMatch("prod-db"));
        Assert.True(pattern.IsMatch("PROD-DB"));
        Assert.False(pattern.IsMatch("prod\u200B-db"));
        Assert.False(pattern.IsMatch("prod-d\u00ADb"));
        Assert.False(pattern.IsMatch("\uFEFFprod-db"));
        Assert.False(Pattern("prod*").IsMatch("pro\u200Dd-db"));
    }

    [Fact]
    public void Case_is_ignored_only_where_ordinal_comparison_ignores_it()
    {
        Assert.True(Pattern("kafka").IsMatch("KaFkA"));
        Assert.False(Pattern("kafka").IsMatch("\u212Aafka"));
        Assert.True(Pattern("[j-l]afka").IsMatch("Kafka"));
        Assert.False(Pattern("[j-l]afka").IsMatch("\u212Aafka"));
        Assert.False(Pattern("state").IsMatch("\u017Ftate"));
        Assert.True(Pattern("\u00E9t\u00E9").IsMatch("\u00C9T\u00C9"));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbbd", false)]
    [InlineData("a**c", "ac", true)]
    [InlineData("*b*", "abc", true)]
    [InlineData("?", "a", true)]
    [InlineData("?", "", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("[abc]x", "bx", true)]
    [InlineData("[abc]x", "dx", false)]
    [InlineData("[a-c]x", "Bx", true)]
    [InlineData("[]a]", "]", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[a`]]", "]", true)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("a`?", "a?", true)]
    [InlineData("a`?", "ab", false)]
    [InlineData("`[x]", "[x]", true)]
    [InlineData("a``b", "a`b", true)]
    [InlineData("a`", "a`", true)]
    [InlineData("rss-*-[0-9]", "RSS-feed-7", true)]
    [InlineData("rss-*-[0-9]", "rss-feed-x", false)]
    public void Wildcards_work_as_in_PowerShell(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Pattern(pattern).IsMatch(value));
    }

    [Fact]
    public void Escapes_and_wildcards_are_told_apart()
    {
        Assert.False(Pattern("a`*b").HasWildcards);
        Assert.Equal("a*b", Pattern("a`*b").Literal);
        Assert.True(Pattern("a*b").HasWildcards);
        Assert.True(Pattern("a?").HasWildcards);
        Assert.True(Pattern("[ab]").HasWildcards);
        Assert.False(Pattern("plain").HasWildcards);
    }

    [Fact]
    public void A_bracket_never_closed_or_a_backward_range_is_refused_with_the_way_out()
    {
        Assert.Null(PdNamePattern.Parse("x[ab", out var problem));
        Assert.Equal("'x[ab' is not a valid pattern: a '[' is not closed by ']'. To match '[' itself, write '`['.", problem);
        Assert.Null(PdNamePattern.Parse("[c-a]x", out problem));
        Assert.Equal("'[c-a]x' is not a valid pattern: the range [c-a] runs backwards; write [a-c].", problem);
    }

    [Fact]
    public void Printable_escapes_control_and_invisible_characters_and_leaves_the_rest()
    {
        Assert.Equal(@"evil\u001b[31mred", PdText.Printable("evil\u001b[31mred"));
        Assert.Equal(@"prod\u200b-db", PdText.Printable("prod\u200B-db"));
        Assert.Equal(@"abc\u202edef\u2066x\u2069", PdText.Printable("abc\u202Edef\u2066x\u2069"));
        Assert.Equal(@"a\u2028b\u0085c", PdText.Printable("a\u2028b\u0085c"));
        Assert.Equal(@"tag\udb40\udc41", PdText.Printable("tag\U000E0041"));
        const string Visible = "caf\u00E9 \u6771\u4EAC \U0001F600 [x] `y` \\u0041";
        Assert.Same(Visible, PdText.Printable(Visible));
        Assert.Equal(@"x\u200b", PdText.Display("x\u200B"));
        Assert.Equal(42, PdText.Display(42));
        Assert.Null(PdText.Display(null));
    }
}
