using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>Answers that cannot be what the API promises are PdInvalidResponse, never a serializer exception or a null.</summary>
public class PdAnswerTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    private static PdClient Answering(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var client = new PdClient(new Uri("http://127.0.0.1:9/v1"), Key, null,
            new FakeHandler(_ => FakeHandler.Text(body, status, "application/json")));
        client.Retry.MaxRetries = 0;
        return client;
    }

    [Theory]
    [InlineData("{}", "answered 200 OK without \"data\".")]
    [InlineData("", "answered 200 OK with an empty body where a source was expected.")]
    [InlineData("{\"data\": []}", "answered 200 OK with a list as \"data\" where an object was expected.")]
    [InlineData("{\"data\": \"x\"}", "answered 200 OK with a string as \"data\" where an object was expected.")]
    [InlineData("{\"data\": 7}", "answered 200 OK with a number as \"data\" where an object was expected.")]
    [InlineData("{\"data\": null}", "answered 200 OK with null as \"data\" where an object was expected.")]
    [InlineData("[1, 2]", "answered 200 OK with a list where an object was expected.")]
    public async Task A_resource_answer_of_the_wrong_shape_is_an_invalid_response(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            Answering(body).SendAsync<Source>(PdRequest.Post("sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, ex.Category);
        Assert.Equal("POST /v1/sources " + expected, ex.Message);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_an_invalid_response_naming_the_model()
    {
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            Answering("{\"data\": {\"id\": {\"nested\": 1}}}").SendAsync<Source>(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.StartsWith("GET /v1/users/me answered 200 OK with \"data\" that does not fit a Source: ", ex.Message);
        Assert.IsAssignableFrom<Newtonsoft.Json.JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("{}", "without \"data\".")]
    [InlineData("{\"data\": {}}", "with an object as \"data\" where a list was expected.")]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}, 5]}", "with a number as item 2 of \"data\" where an object was expected.")]
    [InlineData("{\"data\": [\"dc_1\"]}", "with a string as item 1 of \"data\" where an object was expected.")]
    public async Task A_page_of_the_wrong_shape_is_an_invalid_response(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal("GET /v1/users/me/sources answered 200 OK " + expected, ex.Message);
    }

    [Theory]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}, {\"id\": [1]}, {\"id\": \"dc_3\"}]}")]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}, {\"id\": \"dc_2\", \"created_at\": \"soon\", \"name\": {\"deep\": [1, {}]}}, {\"id\": \"dc_3\"}], \"page_info\": {\"total_count\": 3}}")]
    public async Task A_page_item_that_does_not_fit_its_model_ends_the_page_there_with_an_invalid_response(string body)
    {
        var page = await Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None);
        Assert.Equal(new[] { "dc_1" }, page.Items.Select(s => s.Id));
        Assert.NotNull(page.Problem);
        Assert.Equal("PdInvalidResponse", page.Problem!.ErrorId);
        Assert.StartsWith("GET /v1/users/me/sources answered 200 OK with an item of \"data\" that does not fit a Source: ", page.Problem.Message);
    }

    [Theory]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}, {\"id\": \"dc_2\", \"created_at\": \"soon\"}, {\"id\": \"dc_3\"}, {\"name\": {\"a\": 1}, \"id\": \"dc_4\"}, {\"id\": \"dc_5\"}]}", "dc_2", "dc_4")]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}, {\"id\": [1]}, {\"id\": \"dc_3\"}, {\"id\": {\"id\": \"x\"}}, {\"id\": \"dc_5\"}]}", null, null)]
    public async Task A_page_still_reads_the_items_after_one_that_does_not_fit_and_names_each_misfit_by_its_id(string body, string? second, string? fourth)
    {
        var page = await Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None);
        Assert.Equal(new[] { "dc_1" }, page.Items.Select(s => s.Id));
        Assert.Equal(new[] { "dc_1", "dc_3", "dc_5" }, page.Fitting.Select(s => s.Id));
        Assert.Equal(new[] { 1, 3 }, page.Misfits.Select(m => m.Position));
        Assert.Equal(new[] { second, fourth }, page.Misfits.Select(m => m.Id));
        Assert.Same(page.Misfits[0].Problem, page.Problem);
        Assert.All(page.Misfits, m => Assert.StartsWith("GET /v1/users/me/sources answered 200 OK with an item of \"data\" that does not fit a Source: ", m.Problem!.Message));
    }

    [Theory]
    [InlineData("", "with an empty body where a list was expected.")]
    [InlineData("[1]", "with a list where a list page was expected.")]
    [InlineData("{\"data\": null}", "with null as \"data\" where a list was expected.")]
    [InlineData("{\"page_info\": {\"total_count\": 1}, \"other\": [1, {\"a\": 2}]}", "without \"data\".")]
    public async Task A_page_is_checked_as_it_is_read(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal("GET /v1/users/me/sources answered 200 OK " + expected, ex.Message);
    }

    [Theory]
    [InlineData("{\"data\": [{\"id\": \"dc_1\"}")]
    [InlineData("{\"data\": []} {\"data\": []}")]
    [InlineData("{\"data\": [}")]
    public async Task A_page_that_is_not_whole_JSON_is_malformed(string body)
    {
        var ex = await Assert.ThrowsAsync<PdApiException>(() =>
            Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal("GET /v1/users/me/sources answered 200 OK after 1 attempt, but with JSON that is cut off or malformed.", ex.Message);
    }

    [Fact]
    public async Task A_page_is_read_into_models_with_its_page_info_and_unknown_fields()
    {
        var body = "{\"page_info\": {\"total_count\": \"12\", \"count\": 2, \"start_cursor\": \"dc_1\", \"end_cursor\": \"dc_2\", \"extra\": {}}, " +
            "\"data\": [{\"id\": \"dc_1\", \"name\": \"a\", \"configured_props\": {\"url\": \"http://x\", \"n\": [1, 2.5, null, true]}, \"new_field\": {\"k\": 1}}, " +
            "{\"id\": \"dc_2\", \"active\": false, \"created_at\": 1589486981}]}";
        var page = await Answering(body).GetPageAsync<Source>(PdRequest.Get("users", "me", "sources"), CancellationToken.None);
        Assert.Null(page.Problem);
        Assert.Equal(12, page.PageInfo.TotalCount);
        Assert.Equal(2, page.PageInfo.Count);
        Assert.Equal("dc_1", page.PageInfo.StartCursor);
        Assert.Equal("dc_2", page.PageInfo.EndCursor);
        Assert.Equal(new[] { "dc_1", "dc_2" }, page.Items.Select(s => s.Id));
        Assert.Equal("dc_2", page.IdAt(1));
        Assert.False(page.Items[1].Active);
        Assert.Equal(new DateTime(2020, 5, 14, 20, 9, 41, DateTimeKind.Utc), page.Items[1].CreatedAt);
        Assert.Equal("{\"url\":\"http://x\",\"n\":[1,2.5,null,true]}", page.Items[0].Props);
        Assert.True(page.Items[0].TryGetUnknownField("new_field", out var extra));
        Assert.Equal(1, (int)extra["k"]!);
    }

    [Fact]
    public async Task A_good_answer_still_maps()
    {
        var source = await Answering("{\"data\": {\"id\": \"dc_1\", \"name\": \"n\"}}").SendAsync<Source>(PdRequest.Get("x"), CancellationToken.None);
        Assert.Equal("dc_1", source.Id);
    }
}
