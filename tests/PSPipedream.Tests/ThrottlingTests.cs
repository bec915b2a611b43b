using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>A throttled API is slowed down by the whole connection, not hammered by each request on its own.</summary>
public class ThrottlingTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";

    private static readonly byte[] Ok = LoopbackServer.Answer("200 OK", "{\"data\":{\"id\":\"u_1\"}}");

    private static PdClient Client(LoopbackServer server, int backoffMs = 20)
    {
        var client = new PdClient(server.BaseUri, Key);
        client.Retry.BackoffBase = TimeSpan.FromMilliseconds(backoffMs);
        return client;
    }

    private static PdRequest Traced(PdRequest request, List<string> lines)
    {
        request.Trace = t => { lock (lines) lines.Add(t.ToString()); };
        return request;
    }

    /// <summary>Answers each request after a hold, keeping count of how many requests it holds at once.</summary>
    private sealed class Meter
    {
        private int _now;
        public int Peak;
        public readonly List<int> PeakAfterFirst429 = new();
        private volatile bool _throttled;

        public async Task<byte[]?> Hold(int holdMs, Func<byte[]> answer, Task? firstWait = null)
        {
            var now = Interlocked.Increment(ref _now);
            lock (PeakAfterFirst429)
            {
                Peak = Math.Max(Peak, now);
                if (_throttled) PeakAfterFirst429.Add(now);
            }
            if (firstWait != null) await firstWait;
            await Task.Delay(holdMs);
            var bytes = answer();
            Interlocked.Decrement(ref _now);
            return bytes;
        }

        public void Throttled() => _throttled = true;
    }

    [Fact]
    public async Task After_a_burst_of_429s_fewer_requests_go_out_at_once_and_verbose_says_so()
    {
        var meter = new Meter();
        var throttled = 0;
        // The first wave is held until all 16 have arrived, so that a slow machine cannot answer
        // the first of them before the last is sent (bounded, should the client send fewer).
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? FirstWave()
        {
            var n = Interlocked.Increment(ref arrived);
            if (n > 16) return null;
            if (n == 16) allArrived.TrySetResult();
            return Task.WhenAny(allArrived.Task, Task.Delay(10_000));
        }
        await using var server = new LoopbackServer(r => meter.Hold(100, () =>
        {
            // The first 16 requests are throttled (no Retry-After), everything after that passes.
            if (Interlocked.Increment(ref throttled) <= 16)
            {
                meter.Throttled();
                return LoopbackServer.Answer("429 Too Many Requests", "{\"error\":\"slow down\"}");
            }
            return Ok;
        }, FirstWave()));
        using var client = Client(server);
        var lines = new List<string>();
        var requests = Enumerable.Range(0, 16)
            .Select(i => client.SendAsync(Traced(PdRequest.Get("sources", "dc_" + i), lines), CancellationToken.None)).ToList();
        await Task.WhenAll(requests);

        Assert.Equal(16, meter.Peak);
        // The 16 retries did not come back as one wave: the connection let at most half through at once.
        Assert.True(meter.PeakAfterFirst429.Max() <= 8, "at most 8 at once after the 429s, saw " + meter.PeakAfterFirst429.Max());
        Assert.Contains(lines, l => l.Contains("-> 429") && l.Contains("the API is throttling: at most 8 requests at once on this connection"));
        Assert.True(client.Retry.Concurrency.Limit < 16);
    }

    [Fact]
    public async Task The_limit_climbs_back_with_answers_and_is_lifted_past_the_ceiling()
    {
        var first = 0;
        await using var server = new LoopbackServer(r =>
            Interlocked.Increment(ref first) == 1 ? LoopbackServer.Answer("429 Too Many Requests", "{}") : Ok);
        using var client = Client(server, backoffMs: 1);
        var lines = new List<string>();
        await client.SendAsync(Traced(PdRequest.Get("users", "me"), lines), CancellationToken.None);
        // Lowered to 1 by the 429, then one more for the round of one answer that followed.
        Assert.Equal(2, client.Retry.Concurrency.Limit);

        // One more per round of answers: 2 + 3 + ... + 32 answers to pass the ceiling of 32.
        var needed = Enumerable.Range(2, PdConcurrency.Ceiling - 1).Sum();
        for (var i = 0; i < needed - 1; i++) await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        Assert.Equal(PdConcurrency.Ceiling, client.Retry.Concurrency.Limit);
        await client.SendAsync(Traced(PdRequest.Get("users", "me"), lines), CancellationToken.None);
        Assert.Null(client.Retry.Concurrency.Limit);
        Assert.Contains("the API has stopped throttling", lines.Last());
    }

    [Fact]
    public async Task A_429_without_Retry_After_holds_back_the_other_requests_for_its_backoff()
    {
        var answers = 0;
        await using var server = new LoopbackServer(r =>
            Interlocked.Increment(ref answers) == 1 ? LoopbackServer.Answer("429 Too Many Requests", "{}") : Ok);
        using var client = Client(server, backoffMs: 400);
        var lines = new List<string>();
        var throttled = client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        await Task.Delay(100);
        // Its backoff is from 200 to 400 ms; a request started meanwhile waits for it too.
        Assert.True(client.Retry.Gate.Remaining > TimeSpan.Zero);
        await client.SendAsync(Traced(PdRequest.Get("sources"), lines), CancellationToken.None);
        await throttled;
        Assert.Contains(lines, l => l.Contains("/v1/sources: waiting") && l.Contains("after a 429 to an earlier request"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Thu, 01 Jan 2015 00:00:00 GMT")]
    public async Task A_Retry_After_of_zero_or_in_the_past_still_waits_a_second(string retryAfter)
    {
        var times = new List<DateTime>();
        await using var server = new LoopbackServer(r =>
        {
            lock (times) times.Add(DateTime.UtcNow);
            return times.Count == 1 ? LoopbackServer.Answer("429 Too Many Requests", "{}", "application/json", "Retry-After: " + retryAfter) : Ok;
        });
        using var client = Client(server);
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(950), "waited " + (times[1] - times[0]).TotalMilliseconds + " ms");
    }

    [Fact]
    public async Task A_gate_closed_longer_than_the_request_may_wait_ends_it_unsent_with_PdRateLimited()
    {
        await using var server = new LoopbackServer(r => Ok);
        using var client = Client(server);
        client.Retry.MaxRetryWaitSeconds = 2;
        client.Retry.Gate.CloseFor(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Equal("PdRateLimited", ex.ErrorId);
        Assert.Equal(0, ex.Attempts);
        Assert.Contains("was not sent", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Only_429s_for_longer_than_the_wait_budget_is_reported_and_any_other_answer_ends_it()
    {
        var throttle = true;
        await using var server = new LoopbackServer(r => throttle ? LoopbackServer.Answer("429 Too Many Requests", "{}") : Ok);
        using var client = Client(server, backoffMs: 1);
        client.Retry.MaxRetryWaitSeconds = 1;
        client.Retry.MaxRetries = 0;
        await Assert.ThrowsAsync<PdApiException>(() => client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None));
        Assert.Null(client.Retry.ThrottledTooLong());
        await Task.Delay(1100);
        Assert.NotNull(client.Retry.ThrottledTooLong());
        throttle = false;
        await Task.Delay(client.Retry.Gate.Remaining);
        client.Retry.MaxRetryWaitSeconds = 60;
        await client.SendAsync(PdRequest.Get("users", "me"), CancellationToken.None);
        Assert.Null(client.Retry.ThrottledTooLong());
    }
}
