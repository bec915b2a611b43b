using System;
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
            Answering(body).GetPageAsync(PdRequest.Get("users", "me", "sources"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal("GET /v1/users/me/sources answered 200 OK " + expected, ex.Message);
    }

    [Fact]
    public async Task A_page_item_that_does_not_fit_its_model_is_an_invalid_response()
    {
        var page = await Answering("{\"data\": [{\"id\": [1]}]}").GetPageAsync(PdRequest.Get("users", "me", "sources"), CancellationToken.None);
        var ex = Assert.Throws<PdApiException>(() => page.ToModel<Source>(page.Items[0]));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.StartsWith("GET /v1/users/me/sources answered 200 OK with an item of \"data\" that does not fit a Source: ", ex.Message);
    }

    [Fact]
    public async Task A_good_answer_still_maps()
    {
        var source = await Answering("{\"data\": {\"id\": \"dc_1\", \"name\": \"n\"}}").SendAsync<Source>(PdRequest.Get("x"), CancellationToken.None);
        Assert.Equal("dc_1", source.Id);
    }
}
