using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;
using Xunit;

namespace PSPipedream.Tests;

public class PdJsonTests
{
    private const string SourceJson = """
        {"id":"dc_abc","component_id":"sc_def","name":"test","name_slug":"test","active":true,
         "configured_props":{"timer":{"cron":null,"interval_seconds":60},"list":[1,"two",{"three":3.5}],"when":"2020-11-26T06:06:44.652Z"},
         "created_at":1587679599,"updated_at":1587764467,"future_field":{"x":1},"brand_new":"y"}
        """;

    [Fact]
    public void Objects_become_PSCustomObject_with_note_properties()
    {
        var value = PdJson.ToPSObject(JToken.Parse("""{"a":1,"b":{"c":[true,null,"s"]},"d":1.5}"""));
        var pso = Assert.IsType<PSObject>(value);
        Assert.IsType<PSCustomObject>(pso.BaseObject);
        Assert.Equal(1L, pso.Properties["a"].Value);
        Assert.Equal(1.5, pso.Properties["d"].Value);
        var b = Assert.IsType<PSObject>(pso.Properties["b"].Value);
        var c = Assert.IsType<object?[]>(b.Properties["c"].Value);
        Assert.Equal(new object?[] { true, null, "s" }, c);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_do_not_fail_the_object()
    {
        // Webhook payloads carry such keys (e.g. headers); PowerShell properties are case-insensitive, so the last one wins.
        var value = PdJson.ToPSObject(JToken.Parse("""{"headers":{"Content-Type":"a","content-type":"b"},"n":[1,[2,[]],{}],"big":123456789012345678901234567890}"""));
        var headers = Assert.IsType<PSObject>(((PSObject)value!).Properties["headers"].Value);
        Assert.Equal("b", headers.Properties["Content-Type"].Value);
        Assert.Single(headers.Properties);
        var n = Assert.IsType<object?[]>(((PSObject)value).Properties["n"].Value);
        Assert.Equal(1L, n[0]);
        Assert.Empty(Assert.IsType<object?[]>(Assert.IsType<object?[]>(n[1])[1]));
        Assert.Empty(Assert.IsType<PSObject>(n[2]).Properties);
        Assert.Equal(System.Numerics.BigInteger.Parse("123456789012345678901234567890"), ((PSObject)value).Properties["big"].Value);
    }

    [Fact]
    public void Source_maps_fields_dates_and_free_form_props()
    {
        var source = PdJson.ToModel<Source>(PdJson.Parse(SourceJson))!;
        Assert.Equal("dc_abc", source.Id);
        Assert.Equal("sc_def", source.ComponentId);
        Assert.Equal("test", source.NameSlug);
        Assert.True(source.Active);
        Assert.Equal(new DateTime(2020, 4, 23, 22, 6, 39, DateTimeKind.Utc), source.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, source.CreatedAt!.Value.Kind);
        var props = Assert.IsType<PSObject>(source.ConfiguredProps);
        var timer = Assert.IsType<PSObject>(props.Properties["timer"].Value);
        Assert.Equal(60L, timer.Properties["interval_seconds"].Value);
        Assert.Null(timer.Properties["cron"].Value);
        Assert.Equal("2020-11-26T06:06:44.652Z", props.Properties["when"].Value); // strings stay strings
    }

    [Fact]
    public void Unknown_fields_are_kept_as_note_properties()
    {
        var source = PdJson.ToModel<Source>(PdJson.Parse(SourceJson))!;
        var pso = source.ToPSObject();
        Assert.Equal("PSPipedream.Source", pso.TypeNames[0]);
        Assert.Equal("y", pso.Properties["BrandNew"].Value);
        var future = Assert.IsType<PSObject>(pso.Properties["FutureField"].Value);
        Assert.Equal(1L, future.Properties["x"].Value);
        Assert.Equal("dc_abc", pso.Properties["Id"].Value);
        Assert.Null(pso.Properties["AdditionalFields"]);
    }

    [Fact]
    public void User_reads_quota_and_billing_fields()
    {
        var free = PdJson.ToModel<User>(JToken.Parse("""
            {"id":"u_1","username":"dylburger","email":"d@example.com","orgs":[{"name":"MyTestOrg","id":"o_1","orgname":"mytestorg","email":"t@example.com"}],
             "daily_compute_time_quota":95400000,"daily_compute_time_used":8420300,"daily_invocations_quota":27344,"daily_invocations_used":24903}
            """))!;
        Assert.Equal(95400000, free.DailyComputeTimeQuota);
        Assert.Equal(24903, free.DailyInvocationsUsed);
        var org = Assert.Single(free.Orgs!);
        Assert.Equal("mytestorg", org.OrgName);
        Assert.Equal("o_1", org.OrgId);

        var paid = PdJson.ToModel<User>(JToken.Parse("""{"id":"u_1","billing_period_start_ts":1610154978,"billing_period_end_ts":"1612833378","billing_period_invocations":12345}"""))!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1610154978).UtcDateTime, paid.BillingPeriodStart);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1612833378).UtcDateTime, paid.BillingPeriodEnd);
        Assert.Equal(12345, paid.BillingPeriodInvocations);
        Assert.Null(paid.Orgs);
    }

    [Fact]
    public void Milliseconds_converter_reads_ms()
    {
        var converter = new UnixMillisecondsConverter();
        var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader("1606511826306"));
        reader.Read();
        var value = (DateTime?)converter.ReadJson(reader, typeof(DateTime?), null, Newtonsoft.Json.JsonSerializer.CreateDefault());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1606511826306).UtcDateTime, value);
    }

    [Fact]
    public void Null_dates_stay_null()
    {
        var source = PdJson.ToModel<Source>(JToken.Parse("""{"id":"dc_1","created_at":null}"""))!;
        Assert.Null(source.CreatedAt);
        Assert.Null(source.ConfiguredProps);
    }

    [Theory]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("1e15", null)]            // milliseconds' worth of seconds: past year 9999
    [InlineData("-1e15", null)]
    [InlineData("99999999999999999999999", null)] // bigger than a long
    [InlineData("1.5e308", null)]
    public void Timestamps_DateTime_cannot_hold_read_as_null(string json, string? expected)
    {
        var source = PdJson.ToModel<Source>(JToken.Parse("{\"id\":\"dc_1\",\"created_at\":" + json + "}"))!;
        Assert.Equal(expected == null ? null : DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), source.CreatedAt);
        var ev = PdJson.ToModel<Event>(JToken.Parse("{\"id\":\"1-0\",\"indexed_at_ms\":" + json + "}"))!;
        Assert.Equal(expected == null ? null : DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), ev.IndexedAt);
        var detail = PdJson.ToModel<WorkflowErrorDetail>(JToken.Parse("{\"ts\":" + json + "}"))!;
        Assert.Equal(expected == null ? null : DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), detail.Ts);
    }

    [Fact]
    public void PowerShell_values_become_json()
    {
        var pso = new PSObject();
        pso.Properties.Add(new PSNoteProperty("intervalSeconds", 60));
        var table = new Hashtable { ["timer"] = pso, ["list"] = new object[] { 1, "a" } };
        var json = PdFreeForm.ToJson(table, "Props");
        Assert.Equal(60, (int)json["timer"]!["intervalSeconds"]!);
        Assert.Equal("a", (string?)json["list"]![1]);
    }

    [Theory]
    [InlineData("name_slug", "NameSlug")]
    [InlineData("id", "Id")]
    [InlineData("indexed_at_ms", "IndexedAtMs")]
    public void Pascal_case(string input, string expected) => Assert.Equal(expected, PdJson.ToPascalCase(input));

    [Theory]
    [InlineData("Id", "id")]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("created_at", "created_at")]
    [InlineData("NameSlug", "name_slug")]
    [InlineData("ConfiguredProps", "configured_props")]
    [InlineData("SomethingNew", "something_new")]
    public void Source_field_names(string input, string expected) => Assert.Equal(expected, PdFieldMap.ToApiName<Source>(input));

    [Theory]
    [InlineData("OrgName", "orgname")]
    [InlineData("orgname", "orgname")]
    [InlineData("Name", "name")]
    public void Org_field_names(string input, string expected) => Assert.Equal(expected, PdFieldMap.ToApiName<Org>(input));

    [Fact]
    public void User_billing_field_names() =>
        Assert.Equal("billing_period_start_ts", PdFieldMap.ToApiName<User>("BillingPeriodStart"));

    [Fact]
    public void List_cmdlet_maps_property_lists() =>
        Assert.Equal("id,created_at,name_slug", PSPipedream.Cmdlets.PdListCmdlet<Source>.MapFields(new[] { "Id", "CreatedAt,NameSlug", "id" }));

    [Fact]
    public void Parse_keeps_date_strings_and_rejects_trailing_content()
    {
        Assert.Equal(JTokenType.String, PdJson.Parse("{\"d\":\"2020-01-01T00:00:00Z\"}")["d"]!.Type);
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => PdJson.Parse("{} {}"));
    }
}
