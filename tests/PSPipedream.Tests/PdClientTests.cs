using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class PdClientTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";
    private static readonly Uri Base = new("http://127.0.0.1:9/v1");

    /// <summary>A client over a fake handler; retries are off unless a test is about them.</summary>
    private static (PdClient Client, FakeHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new FakeHandler(respond);
        var client = new PdClient(Base, Key, "7.6.9", handler);
        client.Retry.MaxRetries = 0;
        return (client, handler);
    }

    [Fact]
    public async Task Hostile_id_stays_one_path_segment()
    {
        var (client, handler) = Create(_ => FakeHandler.Json("{\"data\":{}}"));
        await client.SendAsync(PdRequest.Get("sources", "dc_x/../../users/me", "event_summaries"), CancellationToken.None);
        var sent = handler.Requests.Single().Uri;
        Assert.Equal("/v1/sources/dc_x%2F..%2F..%2Fusers%2Fme/event_summaries", sent.AbsolutePath);
    }

    [Theory]
    [InlineData("a?b#c", "/v1/sources/a%3Fb%23c/events")]
    [InlineData("a b%2F", "/v1/sources/a%20b%252F/events")]
    [InlineData("dc_\\..\\x", "/v1/sources/dc_%5C..%5Cx/events")]
    [InlineData("$errors", "/v1/sources/$errors/events")]
    [InlineData("a%24b$", "/v1/sources/a%2524b$/events")]
    public void Dot_and_reserved_segments_are_encoded(string id, string expectedPath)
    {
        var (client, _) = Create(_ => FakeHandler.Json("{}"));
        var uri = client.BuildUri(PdRequest.Get("sources", id, "events"));
        Assert.Equal(expectedPath, uri.AbsolutePath);
    }

    [Fact]
    public async Task Query_values_are_encoded_in_order()
    {
        var (client, handler) = Create(_ => FakeHandler.Json("{}"));
        var request = PdRequest.Delete("subscriptions")
            .WithQuery("emitter_id", "dc_*")
            .WithQuery("event_name", "$errors&x=1")
            .WithQuery("listener_id", "p_a b")
            .WithQuery("empty", "");
        await client.SendAsync(request, CancellationToken.None);
        Assert.Equal("?emitter_id=dc_%2A&event_name=%24errors%26x%3D1&listener_id=p_a%20b&empty=",
            handler.Requests.Single().Uri.Query);
    }

    [Fact]
    public async Task Sends_bearer_accept_and_user_agent()
    {
        var (client, handler) = Create(_ => FakeHandler.Json("{}"));
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        var sent = handler.Requests.Single();
        Assert.Equal("Bearer " + Key, sent.Headers["Authorization"]);
        Assert.Contains("application/json", sent.Headers["Accept"]);
        Assert.Matches(new Regex(@"^PSPipedream/\d+\.\d+\.\d+ \(PowerShell 7\.6\.9; [^()]+\)$"), sent.Headers["User-Agent"]);
        Assert.Null(sent.Body);
    }

    [Fact]
    public void User_agent_carries_the_assembly_version()
    {
        var version = typeof(PdClient).Assembly.GetName().Version!;
        Assert.StartsWith($"PSPipedream/{version.Major}.{version.Minor}.{version.Build} (", PdClient.BuildUserAgent("5.1"));
    }

    [Fact]
    public async Task Body_is_snake_case_json_with_plain_content_type()
    {
        var (client, handler) = Create(_ => FakeHandler.Json("{\"data\":{\"id\":\"dc_1\"}}"));
        var data = PdAnswer.DataOrBody(await client.SendAsync(PdRequest.Post("sources").WithBody(new { ComponentId = "sc_1", Name = "x", Skipped = (string?)null }), CancellationToken.None));
        var sent = handler.Requests.Single();
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("{\"component_id\":\"sc_1\",\"name\":\"x\"}", sent.Body);
        Assert.Equal("dc_1", (string?)data!["id"]);
    }

    [Fact]
    public async Task A_body_is_sent_without_waiting_for_100_continue()
    {
        bool? expectContinue = null;
        var (client, _) = Create(r => { expectContinue = r.Headers.ExpectContinue; return FakeHandler.Json("{}"); });
        await client.SendAsync(PdRequest.Post("webhooks").WithBody(new { Url = "https://example.com" }), CancellationToken.None);
        Assert.False(expectContinue);
    }

    [Fact]
    public async Task JObject_body_is_sent_as_is()
    {
        var (client, handler) = Create(_ => FakeHandler.Json("{}"));
        await client.SendAsync(PdRequest.Put("sources", "dc_1").WithBody(JObject.Parse("{\"configuredProps\":{\"a\":1}}")), CancellationToken.None);
        Assert.Equal("{\"configuredProps\":{\"a\":1}}", handler.Requests.Single().Body);
    }

    [Fact]
    public async Task Empty_2xx_body_gives_null()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        Assert.Null(await client.SendAsync(PdRequest.Delete("webhooks", "wh_1"), CancellationToken.None));
        var (client2, _) = Create(_ => FakeHandler.Text("", HttpStatusCode.Accepted, "application/json"));
        Assert.Null(await client2.SendAsync(PdRequest.Delete("sources", "dc_1", "events"), CancellationToken.None));
    }

    [Theory]
    [InlineData(400, "PdBadRequest", System.Management.Automation.ErrorCategory.InvalidArgument)]
    [InlineData(401, "PdUnauthorized", System.Management.Automation.ErrorCategory.AuthenticationError)]
    [InlineData(403, "PdForbidden", System.Management.Automation.ErrorCategory.PermissionDenied)]
    [InlineData(404, "PdNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound)]
    [InlineData(422, "PdInvalidArgument", System.Management.Automation.ErrorCategory.InvalidArgument)]
    [InlineData(429, "PdRateLimited", System.Management.Automation.ErrorCategory.ResourceUnavailable)]
    [InlineData(500, "PdServerError", System.Management.Automation.ErrorCategory.ResourceUnavailable)]
    [InlineData(503, "PdServerError", System.Management.Automation.ErrorCategory.ResourceUnavailable)]
    [InlineData(409, "PdRequestFailed", System.Management.Automation.ErrorCategory.InvalidResult)]
    [InlineData(408, "PdTimeout", System.Management.Automation.ErrorCategory.OperationTimeout)]
    public async Task Status_maps_to_error_id_and_category(int status, string errorId, System.Management.Automation.ErrorCategory category)
    {
        var (client, _) = Create(_ => FakeHandler.Json("{\"error\":\"nope\"}", (HttpStatusCode)status));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me", "sources").WithQuery("limit", 5), CancellationToken.None));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(category, ex.Category);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/v1/users/me/sources?limit=5", ex.Path);
        Assert.Equal("nope", ex.ApiMessage);
        Assert.Equal(1, ex.Attempts);
        Assert.StartsWith("GET /v1/users/me/sources?limit=5 failed with " + status + " ", ex.Message);
        Assert.EndsWith(" after 1 attempt: nope.", ex.Message);
        Assert.DoesNotContain(Key, ex.ToString());
    }

    [Fact]
    public async Task An_html_error_page_is_named_and_quoted_without_markup()
    {
        var page = "<!DOCTYPE html><html><head><style>h1 { color: red }</style><script>var x = '<b>';</script></head>" +
            "<body><h1>502 Bad&nbsp;Gateway</h1><!-- upstream --><p>nginx</p></body></html>";
        var (client, _) = Create(_ => FakeHandler.Text(page, HttpStatusCode.BadGateway));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdServerError", ex.ErrorId);
        Assert.Equal("502 Bad Gateway nginx", ex.ApiMessage);
        Assert.Equal("GET /v1/users/me failed with 502 Bad Gateway after 1 attempt: an HTML page saying \"502 Bad Gateway nginx\".", ex.Message);
    }

    [Fact]
    public async Task A_long_text_body_is_quoted_to_200_characters()
    {
        var (client, _) = Create(_ => FakeHandler.Text(new string('x', 5000), HttpStatusCode.ServiceUnavailable, "text/plain"));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal(new string('x', 200) + "...", ex.ApiMessage);
        Assert.Contains("a body of type text/plain saying \"" + new string('x', 200) + "...\"", ex.Message);
    }

    [Fact]
    public async Task Empty_error_body_has_no_api_message()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdUnauthorized", ex.ErrorId);
        Assert.Null(ex.ApiMessage);
        Assert.EndsWith("401 Unauthorized after 1 attempt.", ex.Message);
    }

    [Theory]
    [InlineData("{\"message\":\"m1\"}", "m1")]
    [InlineData("{\"error\":{\"message\":\"m2\",\"code\":1}}", "m2")]
    [InlineData("{\"other\":1}", "{\"other\":1}")]
    [InlineData("plain text", "plain text")]
    public void Extracts_the_api_message(string body, string expected) =>
        Assert.Equal(expected, PdBodyText.ApiMessage(body));

    [Fact]
    public async Task An_echoed_key_in_an_error_body_is_not_leaked_through_headers()
    {
        // The client only ever puts the key in the Authorization header; the message is built from method, path and body.
        var (client, _) = Create(r => FakeHandler.Json("{\"error\":\"bad\"}", HttpStatusCode.Forbidden));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("orgs", "o_x", "sources"), CancellationToken.None));
        Assert.DoesNotContain(Key, ex.Message);
        Assert.DoesNotContain(Key, client.ToString());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"error\":\"bad key: {0}\"}")]
    [InlineData(HttpStatusCode.BadGateway, "<html>Authorization: {0}</html>")]
    [InlineData(HttpStatusCode.OK, "<html>Authorization: {0}</html>")]
    public async Task A_key_echoed_back_by_a_server_is_blanked_in_messages_and_traces(HttpStatusCode status, string bodyFormat)
    {
        // Proxies and debugging servers echo request headers; the key must not come back out through an error or -Debug.
        var (client, _) = Create(r => FakeHandler.Text(bodyFormat.Replace("{0}", r.Headers.Authorization!.ToString()), status));
        PdTrace? trace = null;
        var request = PdRequest.Post("sources").WithBody(new { Note = "key " + Key });
        request.Trace = t => trace = t;
        request.CaptureBodies = true;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(request, CancellationToken.None));
        Assert.DoesNotContain(Key, ex.ToString());
        Assert.DoesNotContain(Key, ex.ApiMessage);
        Assert.Contains("Bearer ****", ex.ApiMessage);
        Assert.DoesNotContain(Key, trace!.ResponseBody);
        Assert.DoesNotContain(Key, trace.RequestBody);
    }

    [Fact]
    public async Task Non_json_success_body_is_an_invalid_response()
    {
        var (client, _) = Create(_ => FakeHandler.Text("<html><h1>hi</h1></html>", HttpStatusCode.OK));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, ex.Category);
        Assert.Equal("GET /v1/users/me answered 200 OK after 1 attempt, but with an HTML page instead of JSON: \"hi\".", ex.Message);
    }

    [Fact]
    public async Task Truncated_json_is_an_invalid_response()
    {
        var (client, _) = Create(_ => FakeHandler.Json("{\"data\":{\"id\":\"u_1\",\"user"));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Contains("JSON that is cut off or malformed", ex.Message);
    }

    [Fact]
    public async Task Network_failure_is_a_connection_failure()
    {
        var handler = new FakeHandler((_, _) => throw new HttpRequestException("connection refused"));
        var client = new PdClient(Base, Key, null, handler);
        client.Retry.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdConnectionFailed", ex.ErrorId);
        Assert.Contains("connection refused", ex.Message);
    }

    [Fact]
    public async Task Timeout_is_PdTimeout_and_cancellation_is_not()
    {
        var handler = new FakeHandler(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return FakeHandler.Json("{}"); });
        var client = new PdClient(Base, Key, null, handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        client.Retry.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdTimeout", ex.ErrorId);

        client.Timeout = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(PdRequest.Get("users", "me"), cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_aborted_request_reported_as_a_network_failure_is_still_a_timeout_or_a_cancellation()
    {
        // Some handlers (e.g. on .NET Framework) surface an abort as HttpRequestException or IOException.
        var handler = new FakeHandler(async (_, ct) =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(30), ct); }
            catch (OperationCanceledException) { throw new HttpRequestException("The request was aborted.", new System.IO.IOException("aborted")); }
            return FakeHandler.Json("{}");
        });
        var client = new PdClient(Base, Key, null, handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        client.Retry.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdTimeout", ex.ErrorId);
        Assert.Contains("0.1 seconds", ex.Message);

        client.Timeout = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(PdRequest.Get("users", "me"), cts.Token));
    }

    [Fact]
    public async Task Retry_after_is_read()
    {
        var (client, _) = Create(_ =>
        {
            var r = FakeHandler.Json("{\"error\":\"slow down\"}", (HttpStatusCode)429);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return r;
        });
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("PdRateLimited", ex.ErrorId);
        Assert.EndsWith("after 1 attempt: slow down. The server asks to retry after 7 seconds.", ex.Message);
    }

    [Fact]
    public async Task Trace_reports_each_exchange_without_the_key()
    {
        var (client, _) = Create(_ => FakeHandler.Json("{\"data\":[]}"));
        PdTrace? trace = null;
        var request = PdRequest.Get("users", "me", "sources").WithQuery("limit", 100);
        request.Trace = t => trace = t;
        request.CaptureBodies = true;
        await client.SendAsync(request, CancellationToken.None);
        Assert.NotNull(trace);
        Assert.Matches(new Regex(@"^GET http://127\.0\.0\.1:9/v1/users/me/sources\?limit=100 -> 200 \(\d+ ms\)$"), trace!.ToString());
        Assert.Equal("{\"data\":[]}", trace.ResponseBody);
        Assert.DoesNotContain(Key, trace.ToString());
    }

    [Theory]
    [InlineData("https://api.pipedream.com/v1", "https://api.pipedream.com/v1/users/me")]
    [InlineData("https://api.pipedream.com/v1/", "https://api.pipedream.com/v1/users/me")]
    [InlineData("http://127.0.0.1:5000/v1?x=1", "http://127.0.0.1:5000/v1/users/me")]
    public void Base_uri_is_normalised(string baseUri, string expected)
    {
        var client = new PdClient(new Uri(baseUri), Key, null, new FakeHandler(_ => FakeHandler.Json("{}")));
        Assert.Equal(expected, client.BuildUri(PdRequest.Get("users", "me")).AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    public void Empty_and_dot_segments_are_refused(string segment)
    {
        var ex = Assert.Throws<PdApiException>(() => Create(_ => FakeHandler.Json("{}")).Client.BuildUri(PdRequest.Get("sources", segment, "events")));
        Assert.Equal("PdInvalidArgument", ex.ErrorId);
    }

    [Fact]
    public void A_runtime_that_unescapes_slashes_cannot_redirect_the_request()
    {
        // What .NET Framework's legacy URI mode makes of /v1/sources/dc_x%2F..%2F..%2Fwebhooks%2Fwh_y.
        var rewritten = new Uri("http://127.0.0.1:9/v1/webhooks/wh_y");
        var ex = Assert.Throws<PdApiException>(() => PdClient.CheckPathKept(rewritten, "/v1/sources/dc_x%2F..%2F..%2Fwebhooks%2Fwh_y"));
        Assert.Equal("PdInvalidArgument", ex.ErrorId);
        Assert.Contains("dc_x/../../webhooks/wh_y", ex.Message);

        var kept = new Uri("http://127.0.0.1:9/v1/sources/dc_x%2Fy");
        Assert.Same(kept, PdClient.CheckPathKept(kept, "/v1/sources/dc_x%2Fy"));
    }

    [Theory]
    [InlineData((SecurityProtocolType)48 | SecurityProtocolType.Tls, (SecurityProtocolType)48 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12)] // Ssl3 | Tls
    [InlineData(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.SystemDefault, SecurityProtocolType.SystemDefault)]
    public void Tls12_is_added_to_an_old_protocol_list(SecurityProtocolType current, SecurityProtocolType expected) =>
        Assert.Equal(expected, PdClient.WithTls12(current));

    [Fact]
    public void Tls_settings_are_left_alone_outside_NET_Framework()
    {
#pragma warning disable SYSLIB0014 // ServicePointManager: what .NET Framework's HttpClient reads
        var before = ServicePointManager.SecurityProtocol;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
        try
        {
            PdClient.EnableTls12(isNetFramework: false);
            Assert.Equal(SecurityProtocolType.Tls, ServicePointManager.SecurityProtocol);
            PdClient.EnableTls12(isNetFramework: true);
            Assert.Equal(SecurityProtocolType.Tls | SecurityProtocolType.Tls12, ServicePointManager.SecurityProtocol);
        }
        finally
        {
            ServicePointManager.SecurityProtocol = before;
        }
#pragma warning restore SYSLIB0014
    }
}
