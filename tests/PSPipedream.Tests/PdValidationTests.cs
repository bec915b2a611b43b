using System.Linq;
using PSPipedream.Cmdlets;
using PSPipedream.Errors;
using PSPipedream.Text;
using Xunit;

namespace PSPipedream.Tests;

public class PdValidationTests
{
    [Fact]
    public void A_suggested_command_quotes_a_name_so_it_parses_and_matches_only_itself()
    {
        // Quotes doubled (the typographic ones too), wildcards escaped, control characters shown, nothing cut.
        Assert.Equal("'Bob''s `[feed`]`*'", PdText.Literal("Bob's [feed]*", wildcard: true));
        Assert.Equal("'Bob''s [feed]*'", PdText.Literal("Bob's [feed]*"));
        Assert.Equal("'it\u2019\u2019s'", PdText.Literal("it\u2019s"));
        Assert.Equal("'a\\u001bb'", PdText.Literal("a\u001bb"));
        Assert.Equal(302, PdText.Literal(new string('x', 300)).Length);
    }

    [Fact]
    public void An_id_of_1000_characters_passes_and_one_of_1001_is_refused_with_a_short_message()
    {
        Assert.Null(PdValidation.CheckId("dc_" + new string('a', 997), "dc_"));
        var problem = PdValidation.CheckId("dc_" + new string('a', 998), "dc_");
        Assert.Equal("The id 'dc_" + new string('a', 197) + "...' is 1,001 characters long; at most 1,000 are accepted.", problem);
    }

    [Fact]
    public void Control_characters_are_refused_and_never_echoed()
    {
        // Kept out of InlineData so that no test name carries a raw control character.
        var cases = new (string Id, string Expected)[]
        {
            ("dc_a\u0007b", @"The id 'dc_a\u0007b' contains a control character (\u0007)."),
            ("dc_\u001b[2Jx", @"The id 'dc_\u001b[2Jx' contains a control character (\u001b)."),
            ("dc_a\0", @"The id 'dc_a\u0000' contains a control character (\u0000)."),
            ("dc_a\tb", @"The id 'dc_a\u0009b' contains a control character (\u0009)."),
            ("dc_\u0085", @"The id 'dc_\u0085' contains a control character (\u0085)."),
            ("sc_\u0007", @"The id 'sc_\u0007' contains a control character (\u0007)."),
            ("dc_a b", "The id 'dc_a b' contains white space."),
        };
        foreach (var (id, expected) in cases)
        {
            var problem = PdValidation.CheckId(id, "dc_");
            Assert.Equal(expected, problem);
            Assert.DoesNotContain(problem!, char.IsControl);
        }
    }

    [Fact]
    public void A_wrong_prefix_quotes_the_id()
    {
        var id = "sc_" + new string('x', 500);
        Assert.Equal("'sc_" + new string('x', 197) + "...' is not a valid id: it should start with 'dc_' or 'p_'.", PdValidation.CheckId(id, "dc_", "p_"));
    }

    [Fact]
    public void Component_keys()
    {
        Assert.Null(PdValidation.CheckComponentKey("rss-new-item-in-feed"));
        Assert.Equal("'dc_abc' is the id of another kind of resource (dc_...), not a component id (sc_...) or key.", PdValidation.CheckComponentKey("dc_abc"));
        Assert.Equal(@"The id 'key\u0007' contains a control character (\u0007).", PdValidation.CheckComponentKey("key\u0007"));
    }

    [Fact]
    public void Long_component_keys_and_event_names_are_refused()
    {
        Assert.StartsWith("The id '", PdValidation.CheckComponentKey(new string('k', 1001)));
        Assert.Null(PdValidation.CheckText(new string('e', 1000), "event name"));
        Assert.StartsWith("The event name 'eee", PdValidation.CheckText(new string('e', 1001), "event name"));
    }

    [Fact]
    public void Event_ids_and_ranges()
    {
        Assert.Null(PdValidation.CheckEventId("1589486981597-0"));
        Assert.Equal("'1589486981597' is not an event id: it should look like 1589486981597-0 (<digits>-<digits>).", PdValidation.CheckEventId("1589486981597"));
        Assert.StartsWith("The event id '", PdValidation.CheckEventId(new string('1', 1001)));
        Assert.Null(PdValidation.CheckEventRange("1-0", null));
        Assert.Null(PdValidation.CheckEventRange("9-0", "10-0"));
        Assert.Null(PdValidation.CheckEventRange("010-2", "10-2"));
        Assert.Equal("-StartId 10-1 is newer than -EndId 10-0: the range runs from the oldest event (-StartId) to the newest (-EndId).",
            PdValidation.CheckEventRange("10-1", "10-0"));
    }

    [Fact]
    public void Emulator_fault_paths_must_be_able_to_match_an_api_path()
    {
        foreach (var path in new[] { "/v1/users/me", "/v1", "/v1/*", "/*", "*", "/v*/x" }) Assert.Null(PdValidation.CheckFaultPath(path));
        Assert.Equal("-Path '/users/me/sources*' can never match: the emulator's API paths start with /v1/, e.g. /v1/users/me/sources*.",
            PdValidation.CheckFaultPath("/users/me/sources*"));
        Assert.NotNull(PdValidation.CheckFaultPath("/v2/*"));
    }

    [Fact]
    public void Names_may_be_left_out_but_not_blank()
    {
        Assert.Null(PdValidation.CheckName(null));
        Assert.Null(PdValidation.CheckName("x"));
        Assert.Equal("The name is empty.", PdValidation.CheckName(" "));
    }

    [Fact]
    public void Targets_are_printable()
    {
        Assert.Equal("dc_abc", PdText.Target("dc_abc"));
        Assert.Null(PdText.Target(null));
        Assert.Equal(@"dc_\u0007", PdText.Target("dc_\u0007"));
        Assert.Equal(203, ((string)PdText.Target(new string('a', 5000))!).Length);
        Assert.Equal(42, PdText.Target(42));
        // Every invalid-argument record gets its target through the same door.
        Assert.Equal(@"dc_\u0007", PdErrors.InvalidArgumentRecord("Id", "bad", "dc_\u0007").TargetObject);
    }
}
