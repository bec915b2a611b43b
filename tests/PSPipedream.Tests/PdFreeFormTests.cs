using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using System.Security;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Json;
using PSPipedream.Text;
using Xunit;

namespace PSPipedream.Tests;

public class PdFreeFormTests
{
    private const string Hint = "Use strings, numbers, booleans, dates, hashtables, arrays or PSCustomObjects.";

    private static string Json(object? value) => PdFreeForm.ToJson(value, "Props").ToString(Formatting.None);

    private static string Refusal(object? value, string parameterName = "Props")
    {
        Assert.False(PdFreeForm.TryToJson(value, parameterName, out var json, out var problem), "converted to " + json?.Type);
        return problem!;
    }

    private static PSObject Custom(params (string Name, object? Value)[] properties)
    {
        var pso = new PSObject();
        foreach (var (name, value) in properties) pso.Properties.Add(new PSNoteProperty(name, value));
        return pso;
    }

    /// <summary>Hashtables nested <paramref name="levels"/> deep under the key <paramref name="key"/>, built without recursion.</summary>
    private static Hashtable Nest(int levels, string key = "a")
    {
        var root = new Hashtable();
        var current = root;
        for (var i = 1; i < levels; i++)
        {
            var next = new Hashtable();
            current[key] = next;
            current = next;
        }
        current["leaf"] = 1;
        return root;
    }

    [Fact]
    public void Data_converts_as_before()
    {
        var props = new OrderedDictionary
        {
            ["url"] = "https://example.com/feed",
            ["timer"] = new Hashtable { ["intervalSeconds"] = 60 },
            ["list"] = new object?[] { 1, "two", Custom(("three", 3.5)), null, new List<int> { 4 } },
            ["flags"] = new object[] { true, new SwitchParameter(false) },
            ["wrapped"] = new PSObject(new Hashtable { ["x"] = new PSObject("y") }),
            ["json"] = JObject.Parse("""{"k":[1,{"z":null}]}"""),
        };
        Assert.Equal(
            """{"url":"https://example.com/feed","timer":{"intervalSeconds":60},"list":[1,"two",{"three":3.5},null,[4]],"flags":[true,false],"wrapped":{"x":"y"},"json":{"k":[1,{"z":null}]}}""",
            Json(props));
    }

    [Fact]
    public void Scalars_become_json_values()
    {
        var when = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        var props = new OrderedDictionary
        {
            ["byte"] = (byte)1,
            ["sbyte"] = (sbyte)-1,
            ["short"] = (short)-2,
            ["ushort"] = (ushort)2,
            ["uint"] = 3u,
            ["long"] = long.MinValue,
            ["ulong"] = ulong.MaxValue,
            ["float"] = 0.5f,
            ["double"] = 1.25,
            ["decimal"] = 1.10m,
            ["big"] = BigInteger.Parse("123456789012345678901234567890", CultureInfo.InvariantCulture),
            ["char"] = 'c',
            ["enum"] = DayOfWeek.Friday,
            ["flagsEnum"] = AttributeTargets.Class | AttributeTargets.Method,
            ["utc"] = when,
            ["local"] = when.ToLocalTime(),
            ["offset"] = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2)),
            ["guid"] = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["uri"] = new Uri("https://example.com/a?b=c"),
            ["dbnull"] = DBNull.Value,
        };
        var expected =
            "{'byte':1,'sbyte':-1,'short':-2,'ushort':2,'uint':3,'long':-9223372036854775808,'ulong':18446744073709551615," +
            "'float':0.5,'double':1.25,'decimal':1.10,'big':123456789012345678901234567890,'char':'c','enum':'Friday'," +
            "'flagsEnum':'Class, Method','utc':'2024-05-06T07:08:09.1230000Z','local':'2024-05-06T07:08:09.1230000Z'," +
            "'offset':'2024-05-06T09:08:09.0000000+02:00','guid':'0f8fad5b-d9cb-469f-a165-70867728950e','uri':'https://example.com/a?b=c','dbnull':null}";
        Assert.Equal(expected.Replace('\'', '"'),
            Json(props));
    }

    [Fact]
    public void Keys_may_be_numbers_booleans_and_enums()
    {
        // Add, not the indexer: OrderedDictionary's int indexer is by position.
        var props = new OrderedDictionary();
        props.Add(1, "a");
        props.Add(true, "b");
        props.Add(DayOfWeek.Monday, "c");
        props.Add('k', "d");
        props.Add(new PSObject("w"), "e");
        Assert.Equal("""{"1":"a","True":"b","Monday":"c","k":"d","w":"e"}""", Json(props));
    }

    [Fact]
    public void Null_and_automation_null_are_json_null()
    {
        Assert.Equal("null", Json(null));
        Assert.Equal("null", Json(System.Management.Automation.Internal.AutomationNull.Value));
        Assert.Equal("{}", Json(new PSObject()));
    }

    [Fact]
    public void A_value_shared_in_several_places_is_not_a_cycle()
    {
        var shared = new Hashtable { ["x"] = 1 };
        var list = new object[] { shared, shared };
        var props = new OrderedDictionary { ["a"] = shared, ["b"] = new object[] { list, list } };
        Assert.Equal("""{"a":{"x":1},"b":[[{"x":1},{"x":1}],[{"x":1},{"x":1}]]}""", Json(props));
    }

    [Fact]
    public void A_hashtable_that_holds_itself_is_refused()
    {
        var h = new Hashtable { ["a"] = 1 };
        h["self"] = h;
        Assert.Equal("Props.self refers back to Props: a value that contains itself cannot be sent.", Refusal(h));

        var ex = Assert.Throws<PdArgumentException>(() => PdFreeForm.ToJson(h, "Props"));
        Assert.Equal("Props", ex.ParameterName);
        Assert.Equal(PdErrors.InvalidArgument, ex.ErrorId);
        Assert.Equal("Cannot validate argument on parameter 'Props'. Props.self refers back to Props: a value that contains itself cannot be sent.", ex.Message);
    }

    [Fact]
    public void A_cycle_through_several_values_names_both_ends()
    {
        var inner = new Hashtable();
        var list = new List<object> { 1, inner };
        var root = new OrderedDictionary { ["timer"] = new Hashtable { ["list"] = list } };
        inner["back"] = list;
        Assert.Equal("Body.timer.list[1].back refers back to Body.timer.list: a value that contains itself cannot be sent.", Refusal(root, "Body"));

        var array = new object[2];
        array[1] = array;
        Assert.Equal("Body[1] refers back to Body: a value that contains itself cannot be sent.", Refusal(array, "Body"));

        var custom = Custom(("name", "x"));
        custom.Properties.Add(new PSNoteProperty("me", custom));
        Assert.Equal("Props.me refers back to Props: a value that contains itself cannot be sent.", Refusal(custom));
    }

    [Fact]
    public void Names_that_are_not_plain_are_quoted_in_the_path()
    {
        var h = new Hashtable { ["my key"] = new Hashtable { ["it's"] = new Hashtable { ["bell\u0007"] = new object() } } };
        Assert.Equal(@"Props['my key']['it''s']['bell\u0007'] holds a System.Object, which is not data. " + Hint, Refusal(h));
    }

    [Fact]
    public void Sixty_four_levels_convert_and_sixty_five_are_refused()
    {
        var ok = PdFreeForm.ToJson(Nest(64), "Props");
        var depth = 0;
        for (JToken? t = ok; t is JObject o; t = o["a"]) depth++;
        Assert.Equal(64, depth);

        var problem = Refusal(Nest(65, "level"));
        Assert.Contains(" is nested more than 64 levels deep, the most that can be sent.", problem);
        var path = problem.Substring(0, problem.IndexOf(" is nested", StringComparison.Ordinal));
        Assert.StartsWith("Props.level.level.", path);
        Assert.EndsWith("...", path);
        Assert.Equal(PdText.MaxQuoted + 3, path.Length);
    }

    [Fact]
    public void Twenty_thousand_levels_are_refused_without_overflowing_the_stack()
    {
        var deep = Nest(20000);
        var array = new object[1];
        var current = array;
        for (var i = 0; i < 20000; i++)
        {
            var next = new object[1];
            current[0] = next;
            current = next;
        }
        var jarray = new JArray();
        var jcurrent = jarray;
        for (var i = 0; i < 20000; i++)
        {
            var next = new JArray();
            jcurrent.Add(next);
            jcurrent = next;
        }

        // Before the converter, 5,000 levels took seconds and 20,000 ended the process.
        var watch = Stopwatch.StartNew();
        Assert.Contains("is nested more than 64 levels deep", Refusal(deep));
        Assert.Contains("is nested more than 64 levels deep", Refusal(array, "Body"));
        Assert.Contains("is nested more than 64 levels deep", Refusal(jarray, "Body"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void A_wide_shared_structure_is_refused_at_the_value_limit()
    {
        // 2^40 leaves reachable through 41 arrays: it must not be expanded.
        object node = new object[] { 1 };
        for (var i = 0; i < 40; i++) node = new[] { node, node };
        var watch = Stopwatch.StartNew();
        Assert.Equal("Props holds more than 1,000,000 values (a value used in several places counts each time), too many to send.", Refusal(node));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "took " + watch.Elapsed);

        // A small one is expanded in full.
        object small = "x";
        for (var i = 0; i < 10; i++) small = new[] { small, small };
        var json = PdFreeForm.ToJson(small, "Props");
        Assert.Equal(1024, json.SelectTokens("$..*").Count(t => t.Type == JTokenType.String));
    }

    [Fact]
    public void An_endless_sequence_is_refused_at_the_value_limit()
    {
        Assert.Contains("more than 1,000,000 values", Refusal(new Hashtable { ["n"] = Endless() }));

        static IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++) yield return i;
        }
    }

    public static IEnumerable<object[]> NotData()
    {
        yield return new object[] { Process.GetCurrentProcess(), "System.Diagnostics.Process" };
        yield return new object[] { ScriptBlock.Create("Remove-Item -Recurse /"), "System.Management.Automation.ScriptBlock" };
        yield return new object[] { typeof(string), "System.Type" };
        yield return new object[] { new SecureString(), "System.Security.SecureString" };
        yield return new object[] { new object(), "System.Object" };
        yield return new object[] { TimeSpan.FromSeconds(1), "System.TimeSpan" };
        yield return new object[] { IntPtr.Zero, "System.IntPtr" };
        yield return new object[] { new KeyValuePair<string, int>("a", 1), "System.Collections.Generic.KeyValuePair[System.String,System.Int32]" };
        yield return new object[] { new PSObject(Thread.CurrentThread), "System.Threading.Thread" };
        yield return new object[] { new JProperty("a", 1), "Newtonsoft.Json.Linq.JProperty" };
    }

    [Theory]
    [MemberData(nameof(NotData))]
    public void Objects_that_are_not_data_are_refused(object value, string typeName)
    {
        var props = new Hashtable { ["proc"] = value };
        var article = "AEIOU".IndexOf(typeName[0]) >= 0 ? "an" : "a";
        Assert.Equal("Props.proc holds " + article + " " + typeName + ", which is not data. " + Hint, Refusal(props));
        Assert.Equal("Body[1] holds " + article + " " + typeName + ", which is not data. " + Hint, Refusal(new[] { 1, value }, "Body"));
        Assert.Equal("Body holds " + article + " " + typeName + ", which is not data. " + Hint, Refusal(value, "Body"));
    }

    [Fact]
    public void Keys_that_are_not_names_are_refused()
    {
        var props = new Hashtable { ["inner"] = new Hashtable { [new object()] = 1 } };
        Assert.Equal("Props.inner has a key of type System.Object; keys must be strings, numbers, booleans or enum values.", Refusal(props));
        var dates = new Hashtable { [DateTime.UtcNow] = 1 };
        Assert.Equal("Props has a key of type System.DateTime; keys must be strings, numbers, booleans or enum values.", Refusal(dates));
    }

    [Fact]
    public void A_value_that_fails_to_read_is_refused()
    {
        var props = new Hashtable { ["items"] = new Failing() };
        Assert.Equal("Props.items could not be read: the disk went away", Refusal(props));
    }

    private sealed class Failing : IEnumerable
    {
        public IEnumerator GetEnumerator()
        {
            yield return 1;
            throw new InvalidOperationException("the disk went away");
        }
    }

    [Fact]
    public void A_body_string_is_json_text()
    {
        Assert.True(PdFreeForm.TryToJsonBody("""{"a":[1,2]}""", "Body", out var json, out _));
        Assert.Equal("""{"a":[1,2]}""", json!.ToString(Formatting.None));
        Assert.True(PdFreeForm.TryToJsonBody(new PSObject("[true]"), "Body", out json, out _));
        Assert.Equal("[true]", json!.ToString(Formatting.None));
        Assert.True(PdFreeForm.TryToJsonBody(new Hashtable { ["s"] = "{}" }, "Body", out json, out _));
        Assert.Equal("""{"s":"{}"}""", json!.ToString(Formatting.None));

        Assert.False(PdFreeForm.TryToJsonBody("{", "Body", out _, out var problem));
        Assert.StartsWith("The string is not valid JSON: ", problem);
        Assert.False(PdFreeForm.TryToJsonBody(new string('[', 20000) + new string(']', 20000), "Body", out _, out problem));
        Assert.StartsWith("The string is not valid JSON: ", problem);
        Assert.True(problem!.Length < 300, problem);
    }

    [Fact]
    public void The_props_converter_writes_only_data()
    {
        var source = new Source { Id = "dc_1", ConfiguredProps = new Hashtable { ["a"] = 1 } };
        Assert.Contains("\"configured_props\":{\"a\":1}", JsonConvert.SerializeObject(source, PdJson.Settings));

        source.ConfiguredProps = new Hashtable { ["p"] = Process.GetCurrentProcess() };
        var ex = Assert.Throws<PdArgumentException>(() => JsonConvert.SerializeObject(source, PdJson.Settings));
        Assert.Contains("configured_props.p holds a System.Diagnostics.Process, which is not data.", ex.Message);
    }

    private static IReadOnlyList<KeyValuePair<string, string?>> Query(IDictionary query)
    {
        Assert.True(PdFreeForm.TryToQuery(query, "Query", out var pairs, out var problem), problem);
        return pairs!;
    }

    private static string QueryRefusal(IDictionary query)
    {
        Assert.False(PdFreeForm.TryToQuery(query, "Query", out _, out var problem));
        return problem!;
    }

    [Fact]
    public void Query_values_become_text()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var pairs = Query(new OrderedDictionary
            {
                ["s"] = "a b,c",
                ["t"] = true,
                ["f"] = new SwitchParameter(false),
                ["n"] = 10,
                ["d"] = 1.5,
                ["m"] = 2.25m,
                ["when"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                ["ids"] = new object?[] { "dc_a", null, new PSObject("dc_b"), 3 },
                ["empty"] = Array.Empty<object>(),
                ["gone"] = null,
                ["day"] = DayOfWeek.Sunday,
            });
            Assert.Equal(new[]
            {
                "s=a b,c", "t=true", "f=false", "n=10", "d=1.5", "m=2.25", "when=2024-01-02T03:04:05.0000000Z",
                "ids=dc_a,dc_b,3", "empty=", "gone=(null)", "day=Sunday",
            }, pairs.Select(p => p.Key + "=" + (p.Value ?? "(null)")));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Query_values_that_are_objects_are_refused()
    {
        Assert.Equal("Query.filter holds a System.Collections.Hashtable; a query value must be a string, number, boolean or date, or a flat list of them.",
            QueryRefusal(new Hashtable { ["filter"] = new Hashtable { ["a"] = 1 } }));
        Assert.Equal("Query['x y'] holds a PSCustomObject; a query value must be a string, number, boolean or date, or a flat list of them.",
            QueryRefusal(new Hashtable { ["x y"] = Custom(("a", 1)) }));
        Assert.Equal("Query.ids[1] is a list inside a list; a query value can be one value or a flat list of values.",
            QueryRefusal(new Hashtable { ["ids"] = new object[] { "a", new[] { "b" } } }));
        Assert.Equal("Query.p holds a System.Diagnostics.Process, which is not data. " + Hint,
            QueryRefusal(new Hashtable { ["p"] = Process.GetCurrentProcess() }));
        Assert.Equal("Query has a parameter without a name.", QueryRefusal(new Hashtable { [""] = "x" }));

        var self = new Hashtable();
        self["me"] = self;
        Assert.StartsWith("Query.me holds a System.Collections.Hashtable;", QueryRefusal(self));
        var list = new object[1];
        list[0] = list;
        Assert.Equal("Query.l[0] is a list inside a list; a query value can be one value or a flat list of values.", QueryRefusal(new Hashtable { ["l"] = list }));
    }
}
