using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class PdRetryTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";
    private static readonly Uri Base = new("http://127.0.0.1:9/v1");

    /// <summary>A client whose answers come from <paramref name="answers"/> in turn (the last one repeats), with 1 ms backoff.</summary>
    private static (PdClient Client, FakeHandler Handler, List<string> Lines) Script(params Func<HttpResponseMessage>[] answers)
    {
        var calls = 0;
        var handler = new FakeHandler(_ => answers[Math.Min(Interlocked.Increment(ref calls), answers.Length) - 1]());
        return Wrap(handler);
    }

    private static (PdClient Client, FakeHandler Handler, List<string> Lines) Wrap(FakeHandler handler)
    {
        var client = new PdClient(Base, Key, null, handler);
        client.Retry.BackoffBase = TimeSpan.FromMilliseconds(1);
        return (client, handler, new List<string>());
    }

    private static PdRequest Traced(PdRequest request, List<string> lines)
    {
        request.Trace = t => { lock (lines) lines.Add(t.ToString()); };
        return request;
    }

    private static Func<HttpResponseMessage> Status(int status, string? retryAfter = null) => () =>
    {
        var response = FakeHandler.Json("{\"error\":\"status " + status + "\"}", (HttpStatusCode)status);
        if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    };

    private static readonly Func<HttpResponseMessage> Ok = () => FakeHandler.Json("{\"data\":{\"id\":\"u_1\"}}");

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_GET_is_retried_on_a_passing_failure_status(int status)
    {
        var (client, handler, lines) = Script(Status(status), Status(status), Ok);
        var body = await client.SendAsync(Traced(PdRequest.Get("users", "me"), lines), CancellationToken.None);
        Assert.Equal("u_1", (string)body!["data"]!["id"]!);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Matches(new Regex(@"^GET http://127\.0\.0\.1:9/v1/users/me -> " + status + @" \(\d+ ms\); retrying in \d+\.\d s \(attempt 2 of 4\)$"), lines[0]);
        Assert.EndsWith("(attempt 3 of 4)", lines[1]);
        Assert.Matches(new Regex(@"-> 200 \(\d+ ms\)$"), lines[2]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(501)]
    public async Task Other_statuses_are_not_retried(int status)
    {
        var (client, handler, _) = Script(Status(status), Ok);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task When_retries_run_out_the_error_says_how_many_attempts_were_made()
    {
        var (client, handler, _) = Script(Status(500));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me", "sources").WithQuery("limit", 100), CancellationToken.None));
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("PdServerError", ex.ErrorId);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/v1/users/me/sources?limit=100", ex.Path);
        Assert.Equal("status 500", ex.ApiMessage);
        Assert.Equal("GET /v1/users/me/sources?limit=100 failed with 500 Internal Server Error after 4 attempts: status 500.", ex.Message);
    }

    [Fact]
    public async Task A_request_can_ask_for_fewer_retries_than_its_connection_but_not_more()
    {
        var (client, handler, _) = Script(Status(503));
        var once = PdRequest.Get("users", "me");
        once.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(once, CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(0, once.Clone().MaxRetries);

        var (client1, handler1, _) = Script(Status(503));
        client1.Retry.MaxRetries = 1;
        var more = PdRequest.Get("users", "me");
        more.MaxRetries = 5;
        await Assert.ThrowsAsync<PdApiException>(() => client1.SendAsync(more, CancellationToken.None));
        Assert.Equal(2, handler1.Requests.Count);
    }

    [Fact]
    public async Task MaxRetries_sets_the_attempts_and_zero_turns_retrying_off()
    {
        var (client, handler, _) = Script(Status(503));
        client.Retry.MaxRetries = 1;
        await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal(2, handler.Requests.Count);

        var (client0, handler0, _) = Script(Status(503));
        client0.Retry.MaxRetries = 0;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client0.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Single(handler0.Requests);
        Assert.Contains("after 1 attempt:", ex.Message);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        var (client, handler, lines) = Script(Status(429, "1"), Ok);
        client.Retry.BackoffBase = TimeSpan.FromSeconds(20); // so a backoff wait could not pass for the server's
        await client.SendAsync(Traced(PdRequest.Get("users", "me"), lines), CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
        Assert.EndsWith("; retrying in 1.0 s (attempt 2 of 4)", lines[0]);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
        var (client, handler, lines) = Script(Status(503, at), Ok);
        await client.SendAsync(Traced(PdRequest.Get("users", "me"), lines), CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
        var wait = double.Parse(Regex.Match(lines[0], @"retrying in (\d+\.\d) s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 0.5, 2.0);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_connection_waits_fails_at_once()
    {
        var (client, handler, _) = Script(Status(429, "3600"), Ok);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal("PdRateLimited", ex.ErrorId);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.EndsWith("The server asks to wait 3600 seconds before retrying, longer than this connection waits (MaxRetryWaitSeconds 60).", ex.Message);
    }

    [Fact]
    public async Task The_waits_of_one_request_stay_within_MaxRetryWaitSeconds_in_all()
    {
        var (client, handler, _) = Script(Status(429, "1"));
        client.Retry.MaxRetryWaitSeconds = 2;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal(3, handler.Requests.Count); // waited 1 s twice; a third wait would pass the 2 s
        Assert.Contains("over the 2 seconds this connection waits in all", ex.Message);
    }

    [Fact]
    public async Task A_POST_is_not_retried_after_a_server_error_and_says_how_to_check()
    {
        var (client, handler, _) = Script(Status(500), Ok);
        var request = PdRequest.Post("sources").WithBody(new { name = "x" });
        request.IfUncertain = "Check with Get-PdSource -Name 'x' before trying again.";
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(request, CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal("PdServerError", ex.ErrorId);
        Assert.Equal("POST /v1/sources failed with 500 Internal Server Error after 1 attempt: status 500. " +
            "A POST is not sent again after a failure like this, because it may have taken effect. " +
            "Check with Get-PdSource -Name 'x' before trying again.", ex.Message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    public async Task A_POST_is_retried_when_it_certainly_did_not_take_effect(int status)
    {
        var (client, handler, _) = Script(Status(status), Ok);
        await client.SendAsync(PdRequest.Post("sources").WithBody(new { name = "x" }), CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_POST_is_not_retried_after_a_cut_off_answer_or_a_reset()
    {
        var (client, handler, _) = Script(() => FakeHandler.Json("{\"data\":{\"id\":\"dc_"), Ok);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Post("sources"), CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Contains("may have taken effect", ex.Message);

        var reset = new FakeHandler((_, _) => throw new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset")));
        var (client2, _, _) = Wrap(reset);
        var ex2 = await Assert.ThrowsAsync<PdApiException>(() => client2.SendAsync(PdRequest.Post("webhooks"), CancellationToken.None));
        Assert.Single(reset.Requests);
        Assert.Equal("PdConnectionFailed", ex2.ErrorId);
        Assert.Contains("may have taken effect", ex2.Message);
    }

    [Fact]
    public async Task A_GET_is_retried_after_a_cut_off_answer_and_a_reset()
    {
        var calls = 0;
        var handler = new FakeHandler((_, _) => ++calls switch
        {
            1 => Task.FromResult(FakeHandler.Json("{\"data\":{\"id\":\"u_")),
            2 => throw new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset")),
            _ => Task.FromResult(Ok()),
        });
        var (client, _, _) = Wrap(handler);
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        Assert.Equal(3, handler.Requests.Count);
    }

    /// <summary>A body stream that gives its first bytes, then fails (the connection ended) or never ends (a stalled server).</summary>
    private sealed class BrokenBody(bool stall) : System.IO.Stream
    {
        private readonly CancellationTokenSource _closed = new();
        private bool _sent;

        /// <summary>Like a network stream, closing it ends a read in progress.</summary>
        protected override void Dispose(bool disposing)
        {
            _closed.Cancel();
            base.Dispose(disposing);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            if (!_sent)
            {
                _sent = true;
                var start = System.Text.Encoding.UTF8.GetBytes("{\"data\": [{\"id\"");
                start.CopyTo(buffer, offset);
                return start.Length;
            }
            if (stall)
            {
                using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, _closed.Token);
                try { await Task.Delay(TimeSpan.FromSeconds(30), both.Token); }
                catch (OperationCanceledException) { throw new System.IO.IOException("The connection was closed."); }
            }
            throw new System.IO.IOException("The response ended prematurely.");
        }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpResponseMessage Broken(bool stall) => new(HttpStatusCode.OK) { Content = new StreamContent(new BrokenBody(stall)) };

    [Fact]
    public async Task A_2xx_body_cut_off_by_the_connection_is_an_invalid_response_retried_only_for_a_GET()
    {
        var (client, handler, _) = Script(() => Broken(stall: false), Ok);
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);

        var (client2, handler2, _) = Script(() => Broken(stall: false), Ok);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client2.SendAsync(PdRequest.Post("sources"), CancellationToken.None));
        Assert.Single(handler2.Requests);
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.StartsWith("POST /v1/sources answered 200 OK after 1 attempt, but with a body that was cut off when the connection ended.", ex.Message);
    }

    [Fact]
    public async Task A_body_that_stalls_is_ended_by_the_timeout()
    {
        var (client, handler, _) = Script(() => Broken(stall: true));
        client.Timeout = TimeSpan.FromMilliseconds(100);
        client.Retry.MaxRetries = 1;
        var started = DateTime.UtcNow;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdTimeout", ex.ErrorId);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_timeout_is_retried_for_a_GET_but_not_for_a_POST()
    {
        var handler = new FakeHandler(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Ok(); });
        var (client, _, _) = Wrap(handler);
        client.Timeout = TimeSpan.FromMilliseconds(50);
        client.Retry.MaxRetries = 2;
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdTimeout", ex.ErrorId);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("got no answer within 0.05 seconds, after 3 attempts.", ex.Message);

        await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Post("sources"), CancellationToken.None));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_POST()
    {
        // A port that was just free: nothing listens, so the connection is refused before anything is sent.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var lines = new List<string>();
        var client = new PdClient(new Uri($"http://127.0.0.1:{port}/v1"), Key);
        client.Retry.BackoffBase = TimeSpan.FromMilliseconds(1);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(Traced(PdRequest.Post("sources"), lines), CancellationToken.None));
        Assert.Equal("PdConnectionFailed", ex.ErrorId);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain("may have taken effect", ex.Message);
        // No answer came back, so the message names the host and port that failed.
        Assert.StartsWith($"POST http://127.0.0.1:{port}/v1/sources failed after 4 attempts: ", ex.Message);
        Assert.Equal("/v1/sources", ex.Path);
    }

    [Fact]
    public async Task A_DELETE_that_finds_nothing_after_an_uncertain_attempt_is_done()
    {
        var (client, handler, lines) = Script(Status(502), Status(404));
        var body = await client.SendAsync(Traced(PdRequest.Delete("sources", "dc_1"), lines), CancellationToken.None);
        Assert.Null(body);
        Assert.Equal(2, handler.Requests.Count);
        Assert.EndsWith("-> 404 (" + Regex.Match(lines[1], @"\((\d+) ms\)").Groups[1].Value +
            " ms); already gone after an earlier attempt that may have deleted it: counted as done", lines[1]);

        // Without an uncertain attempt before it, a 404 is what it says.
        var (client2, _, _) = Script(Status(429), Status(404));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client2.SendAsync(PdRequest.Delete("sources", "dc_1"), CancellationToken.None));
        Assert.Equal("PdNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task A_429_with_retry_after_holds_back_every_request_on_the_connection()
    {
        var sent = new ConcurrentQueue<(string Path, DateTime At)>();
        var first = true;
        var handler = new FakeHandler(r =>
        {
            sent.Enqueue((r.RequestUri!.AbsolutePath, DateTime.UtcNow));
            if (r.RequestUri.AbsolutePath.EndsWith("/a") && first)
            {
                first = false;
                return Status(429, "1")();
            }
            return Ok();
        });
        var (client, _, _) = Wrap(handler);
        var a = client.SendAsync(PdRequest.Get("a"), CancellationToken.None);
        while (sent.IsEmpty) await Task.Delay(5);
        var throttledAt = sent.First().At;
        await Task.Delay(100);
        await client.SendAsync(PdRequest.Get("b"), CancellationToken.None);
        await a;
        var b = sent.Single(s => s.Path.EndsWith("/b"));
        Assert.True(b.At - throttledAt >= TimeSpan.FromMilliseconds(900), $"b went out {(b.At - throttledAt).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task Cancelling_ends_a_retry_wait_at_once()
    {
        var (client, handler, _) = Script(Status(429, "30"), Ok);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(PdRequest.Get("users", "me"), cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Backoff_is_equal_jitter_doubling_from_the_base_up_to_30_seconds()
    {
        var policy = new PdRetryPolicy { MaxRetries = 3 };
        Assert.Equal(TimeSpan.FromSeconds(1), policy.BackoffBase);
        for (var retry = 1; retry <= 12; retry++)
        {
            var ceiling = Math.Min(30_000, 1000 * Math.Pow(2, retry - 1));
            var waits = Enumerable.Range(0, 200).Select(_ => policy.Backoff(retry).TotalMilliseconds).ToList();
            // Never less than half the ceiling, so no retry comes straight back.
            Assert.All(waits, w => Assert.InRange(w, ceiling / 2, ceiling));
            Assert.True(waits.Max() > ceiling * 0.75, "the waits use the whole range");
            Assert.True(waits.Min() < ceiling * 0.75, "the waits use the whole range");
        }
    }

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(11, 60)]
    [InlineData(3, -1)]
    [InlineData(3, 3601)]
    public void Settings_out_of_range_are_refused_when_set(int retries, int waitSeconds)
    {
        var policy = new PdRetryPolicy();
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            policy.MaxRetries = retries;
            policy.MaxRetryWaitSeconds = waitSeconds;
        });
    }

    [Fact]
    public void A_timeout_over_an_hour_is_refused_when_set()
    {
        var client = new PdClient(Base, Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Timeout = TimeSpan.FromDays(60));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        client.Timeout = TimeSpan.FromSeconds(3600);
        Assert.Equal(TimeSpan.FromHours(1), client.Timeout);
    }
}
