using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using PSPipedream.Errors;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>One request on the wire: its attempts, the waits between them, and the words of the error it ends in.</summary>
    internal sealed partial class PdClient
    {
        /// <summary>
        /// Sends <paramref name="request"/>, retrying what the policy allows, and returns the answer.
        /// Throws <see cref="PdApiException"/> when the last attempt failed, and
        /// OperationCanceledException when <paramref name="cancellationToken"/> fires (also during a wait).
        /// </summary>
        /// <param name="request">What to send; its trace hook hears of every attempt.</param>
        /// <param name="cancellationToken">The caller's Ctrl+C.</param>
        /// <param name="readBody">
        /// Reads a 2xx JSON answer token by token into what the caller wants (see <see cref="PdPageReader"/>),
        /// straight from the response stream unless the body is kept for -Debug; its result is
        /// <see cref="PdResponse.Parsed"/>. Without it the body is parsed into <see cref="PdResponse.Body"/>.
        /// </param>
        internal async Task<PdResponse> ExchangeAsync(PdRequest request, CancellationToken cancellationToken,
            Func<JsonReader, object>? readBody = null)
        {
            var uri = BuildUri(request);
            var path = uri.PathAndQuery;
            var requestBody = request.Body == null ? null : PdJson.Serialize(request.Body);
            var run = Retry.Begin(request.Method, request.MaxRetries);

            PdAttempt? last = null;
            for (var attempt = 1; ; attempt++)
            {
                var result = await SendThrottledAsync(request, uri, run, last, attempt, requestBody, readBody, cancellationToken).ConfigureAwait(false);
                last = result;
                if (result.Kind == null)
                {
                    Report(request, uri, result, null);
                    return new PdResponse(result.Body, result.Status, result.Reason, attempt, request.Method.Method, path)
                    {
                        Parsed = result.Parsed,
                        ShapeProblem = result.ShapeProblem,
                    };
                }
                if (run.IsDoneDespite(result.Status))
                {
                    Report(request, uri, result, "already gone after an earlier attempt that may have deleted it: counted as done");
                    return new PdResponse(null, result.Status, result.Reason, attempt, request.Method.Method, path);
                }

                var wait = run.NextWait(result.Kind.Value, result.Status, result.RetryAfter, attempt, out var givingUp);
                if (wait == null)
                {
                    Report(request, uri, result, null);
                    throw Failure(request, uri, result, attempt, givingUp);
                }
                Report(request, uri, result, string.Format(CultureInfo.InvariantCulture,
                    "retrying in {0:0.0} s (attempt {1} of {2})", wait.Value.TotalSeconds, attempt + 1, run.MaxAttempts));
                if (wait.Value > TimeSpan.Zero) await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Waits while the connection's gate is closed after a 429 (to this request or another),
        /// saying so on -Verbose; the wait counts against the request's budget, and a gate that
        /// stays closed longer than the budget allows ends the request with PdRateLimited.
        /// </summary>
        private async Task WaitAtGateAsync(PdRequest request, Uri uri, PdRetryRun run, PdAttempt? last, int attempt,
            CancellationToken cancellationToken)
        {
            var closed = Retry.Gate.Remaining;
            if (closed <= TimeSpan.Zero) return;
            // Right after this request's own retry wait, which closed the gate for as long, only a
            // sliver of it may be left: that is the same wait, not one to count again or to mention.
            if (closed < NoticeableWait)
            {
                await Retry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            var refused = run.ChargeGate(closed);
            if (refused != null)
            {
                if (last != null) throw Failure(request, uri, last, attempt - 1, refused);
                throw new PdApiException(PdErrors.RateLimited, request.Method.Method + " " + PdText.Quote(uri.PathAndQuery) + " was not sent: " +
                    char.ToLowerInvariant(refused[0]) + refused.Substring(1), request.Method.Method, uri.PathAndQuery, null, null)
                {
                    RetryAfter = closed,
                    Attempts = 0,
                };
            }
            request.Trace?.Invoke(PdTrace.Notice(request.Method.Method, uri, string.Format(CultureInfo.InvariantCulture,
                "waiting {0:0.0} s: the API asked for it after a 429 to an earlier request", closed.TotalSeconds)));
            await Retry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        private static readonly TimeSpan NoticeableWait = TimeSpan.FromMilliseconds(100);

        /// <summary>
        /// One attempt, sent once the connection's gate is open and inside its concurrency limit,
        /// which 429s lower and other answers raise again; a change of the limit is added to the
        /// attempt's -Verbose line.
        /// </summary>
        private async Task<PdAttempt> SendThrottledAsync(PdRequest request, Uri uri, PdRetryRun run, PdAttempt? last, int attempt,
            string? requestBody, Func<JsonReader, object>? readBody, CancellationToken cancellationToken)
        {
            PdConcurrency.Ticket ticket;
            while (true)
            {
                await WaitAtGateAsync(request, uri, run, last, attempt, cancellationToken).ConfigureAwait(false);
                ticket = await Retry.Concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
                // A 429 to another request may have closed the gate while this one queued for a slot.
                if (Retry.Gate.Remaining <= TimeSpan.Zero) break;
                Retry.Concurrency.Exit(ticket, throttled: false, answered: false);
            }
            PdAttempt? result = null;
            try
            {
                result = await SendOnceAsync(request, uri, requestBody, readBody, cancellationToken).ConfigureAwait(false);
                Retry.Observe(result.Status);
                Scrub(result);
                return result;
            }
            finally
            {
                var change = Retry.Concurrency.Exit(ticket, result?.Status == 429, result?.Status != null);
                if (change != null && result != null) result.LimitChange = change;
            }
        }

        /// <summary>The exception a request ends in: what happened, the API's words, how many attempts, and why it stopped there.</summary>
        private PdApiException Failure(PdRequest request, Uri uri, PdAttempt result, int attempts, string? givingUp)
        {
            var method = request.Method.Method;
            var path = uri.PathAndQuery;
            // Without an answer, the host and port are what the user needs to see (a wrong -BaseUri, a stopped emulator).
            var where = method + " " + PdText.Quote(result.Status.HasValue ? path : uri.AbsoluteUri);
            var tries = (attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts") + ThroughProxy(uri, result);
            var status = result.Status.HasValue
                ? (result.Status.Value.ToString(CultureInfo.InvariantCulture) + " " + result.Reason).TrimEnd()
                : null;
            var text = new StringBuilder(where);
            switch (result.Kind)
            {
                case PdFailureKind.Status:
                    text.Append(" failed with ").Append(status).Append(" after ").Append(tries);
                    if (result.BodyWords != null) text.Append(": ").Append(result.BodyWords.TrimEnd('.'));
                    text.Append('.');
                    break;
                case PdFailureKind.InvalidBody:
                case PdFailureKind.TooLarge:
                    text.Append(" answered ").Append(status).Append(" after ").Append(tries)
                        .Append(", but with ").Append(result.BodyWords).Append('.');
                    break;
                case PdFailureKind.TimedOut:
                    text.AppendFormat(CultureInfo.InvariantCulture, " got no answer within {0} seconds, after {1}.",
                        Timeout.TotalSeconds, tries);
                    break;
                default:
                    text.Append(" failed after ").Append(tries).Append(": ").Append(result.BodyWords?.TrimEnd('.')).Append('.');
                    break;
            }
            if (givingUp != null) text.Append(' ').Append(givingUp);
            else if (result.RetryAfter is TimeSpan asked)
                text.AppendFormat(CultureInfo.InvariantCulture, " The server asks to retry after {0} seconds.", PdRetryPolicy.Seconds(asked));
            if (ProxyAdvice(result) is string proxyAdvice) text.Append(' ').Append(proxyAdvice);
            if (givingUp != null && !PdRetryPolicy.IsIdempotent(request.Method) && request.IfUncertain != null)
                text.Append(' ').Append(request.IfUncertain);

            return new PdApiException(result.ErrorId!, text.ToString(), method, path, result.Status, result.ApiMessage, result.Inner)
            {
                RetryAfter = result.RetryAfter,
                Attempts = attempts,
            };
        }

        private void Report(PdRequest request, Uri uri, PdAttempt result, string? note)
        {
            if (result.LimitChange != null) note = note == null ? result.LimitChange : note + "; " + result.LimitChange;
            request.Trace?.Invoke(new PdTrace(request.Method.Method, uri, result.Status, result.Elapsed,
                result.Status.HasValue ? null : result.Outcome, result.RequestBody, result.ResponseBody, note));
        }
    }
}
