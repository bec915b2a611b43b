using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>One request on the wire: its attempts, the waits between them, and the error it ends in.</summary>
    public sealed partial class PdClient
    {
        /// <summary>
        /// Sends <paramref name="request"/>, retrying what the policy allows, and returns the answer.
        /// Throws <see cref="PdApiException"/> when the last attempt failed, and
        /// OperationCanceledException when <paramref name="cancellationToken"/> fires (also during a wait).
        /// </summary>
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

            Attempt? last = null;
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
        private async Task WaitAtGateAsync(PdRequest request, Uri uri, PdRetryRun run, Attempt? last, int attempt,
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
        private async Task<Attempt> SendThrottledAsync(PdRequest request, Uri uri, PdRetryRun run, Attempt? last, int attempt,
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
            Attempt? result = null;
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

        /// <summary>
        /// Blanks the key out of everything an attempt may show: the API's message, the words about
        /// the body, the reason phrase and the -Debug body. It runs on the decoded text, after JSON
        /// escapes and HTML entities are resolved, so a server that echoes the key back as
        /// <c>\u0042...</c> or <c>&amp;#66;...</c> shows nothing either.
        /// </summary>
        private void Scrub(Attempt result)
        {
            result.ApiMessage = Redact(result.ApiMessage);
            result.BodyWords = Redact(result.BodyWords);
            result.Reason = Redact(result.Reason);
            if (result.ResponseBody != null)
            {
                var raw = Redact(result.ResponseBody)!;
                // Escaped in the raw text, the key shows only once decoded: show the decoded JSON then.
                var decoded = PdBodyText.TryParse(result.ResponseBody, out var json) ? json?.ToString(Formatting.None) : null;
                var redacted = Redact(decoded);
                result.ResponseBody = decoded != null && !ReferenceEquals(redacted, decoded) ? redacted : raw;
            }
        }

        /// <summary>The exception a request ends in: what happened, the API's words, how many attempts, and why it stopped there.</summary>
        private PdApiException Failure(PdRequest request, Uri uri, Attempt result, int attempts, string? givingUp)
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

        private void Report(PdRequest request, Uri uri, Attempt result, string? note)
        {
            if (result.LimitChange != null) note = note == null ? result.LimitChange : note + "; " + result.LimitChange;
            request.Trace?.Invoke(new PdTrace(request.Method.Method, uri, result.Status, result.Elapsed,
                result.Status.HasValue ? null : result.Outcome, result.RequestBody, result.ResponseBody, note));
        }

        /// <summary>One attempt: its answer, or how it failed (never throws for an HTTP or network failure).</summary>
        private async Task<Attempt> SendOnceAsync(PdRequest request, Uri uri, string? requestBody, Func<JsonReader, object>? readBody,
            CancellationToken cancellationToken)
        {
            var result = new Attempt { RequestBody = request.CaptureBodies ? Redact(requestBody) : null };
            var stopwatch = Stopwatch.StartNew();
            using (var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var message = new HttpRequestMessage(request.Method, uri))
            {
                timeoutCts.CancelAfter(Timeout);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                // .NET Framework would otherwise send "Expect: 100-continue" with every body and wait for the 100.
                message.Headers.ExpectContinue = false;
                message.Content = RequestContent(request.Method, requestBody);

                try
                {
                    using (var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutCts.Token).ConfigureAwait(false))
                    {
                        if (readBody != null && !request.CaptureBodies && IsStreamable(response))
                        {
                            await ReadStreamAsync(result, response, readBody, MaxResponseBytes, timeoutCts.Token).ConfigureAwait(false);
                            result.Elapsed = stopwatch.Elapsed;
                            return result;
                        }
                        // An error's body only has to say what went wrong: its start is enough.
                        var failed = !response.IsSuccessStatusCode;
                        var (text, tooLarge) = await ReadBodyAsync(response, failed ? MaxErrorBodyBytes : MaxResponseBytes, failed, timeoutCts.Token)
                            .ConfigureAwait(false);
                        result.Elapsed = stopwatch.Elapsed;
                        if (tooLarge)
                        {
                            TooLarge(result, response, MaxResponseBytes);
                        }
                        else if (text != null)
                        {
                            Read(result, response, text, request.CaptureBodies);
                            if (readBody != null && result.Kind == null) ReadParsed(result, readBody, new JsonTextReader(new StringReader(text)));
                        }
                        else if (!timeoutCts.IsCancellationRequested)
                        {
                            CutOff(result, response);
                        }
                        else
                        {
                            throw new OperationCanceledException(timeoutCts.Token);
                        }
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is HttpRequestException || ex is IOException)
                {
                    result.Elapsed = stopwatch.Elapsed;
                    // The caller's Ctrl+C is not a failure to report: it stops everything.
                    if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                    result.Inner = ex;
                    if (timeoutCts.IsCancellationRequested)
                    {
                        result.Kind = PdFailureKind.TimedOut;
                        result.ErrorId = PdErrors.Timeout;
                        result.Outcome = "timed out";
                    }
                    else if (ProxyCredentialRefusal(ex) is int proxyStatus)
                    {
                        ProxyRefused(result, proxyStatus);
                    }
                    else
                    {
                        result.Kind = NeverSent(ex) ? PdFailureKind.NotSent : PdFailureKind.Lost;
                        result.ErrorId = PdErrors.ConnectionFailed;
                        result.Outcome = "failed";
                        result.BodyWords = Innermost(ex).Message;
                    }
                }
            }
            return result;
        }

        /// <summary>
        /// The request's body. Every request but a GET or HEAD carries one, even when it has nothing
        /// to say (<c>{}</c> for a POST or PATCH, zero bytes for a DELETE): .NET's HTTP stack
        /// silently sends a request without a body again, up to three more times, when the server
        /// closes the connection without answering, so a create could take effect four times while
        /// its error says one attempt. Once a body has gone out the stack never resends on its own,
        /// so each attempt counted here is one request on the wire. GET and HEAD are left without
        /// (.NET Framework refuses a body on them); resending those changes nothing.
        /// </summary>
        private static HttpContent? RequestContent(HttpMethod method, string? requestBody)
        {
            if (requestBody == null)
            {
                if (method == HttpMethod.Get || method == HttpMethod.Head) return null;
                if (method != HttpMethod.Post && method.Method != "PATCH") return new ByteArrayContent(EmptyBody);
            }
            var content = new StringContent(requestBody ?? "{}", new UTF8Encoding(false), "application/json");
            // StringContent adds "; charset=utf-8"; the API asks for application/json.
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        private static readonly byte[] EmptyBody = new byte[0];

        /// <summary>A 2xx answer that says it is JSON (or says nothing) can be read straight from its stream.</summary>
        private static bool IsStreamable(HttpResponseMessage response)
        {
            if (!response.IsSuccessStatusCode || response.Content == null) return false;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            return mediaType == null || mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>
        /// Reads a 2xx answer from its stream with <paramref name="readBody"/>. The network reads
        /// block this thread (the reader is synchronous); the timeout and Ctrl+C end them by
        /// disposing the answer. A body that ends early is cut off, one that is not JSON is malformed.
        /// </summary>
        private static async Task ReadStreamAsync(Attempt result, HttpResponseMessage response, Func<JsonReader, object> readBody, long cap,
            CancellationToken token)
        {
            result.Status = (int)response.StatusCode;
            result.Reason = response.ReasonPhrase;
            try
            {
                using (token.Register(response.Dispose))
                using (var stream = new PdCappedStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), cap))
                using (var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024))
                {
                    ReadParsed(result, readBody, new JsonTextReader(text));
                }
            }
            catch (PdBodyTooLargeException)
            {
                TooLarge(result, response, cap);
            }
            catch (JsonReaderException ex) when (!token.IsCancellationRequested && !(ex.InnerException is PdBodyTooLargeException))
            {
                result.Kind = PdFailureKind.InvalidBody;
                result.ErrorId = PdErrors.InvalidResponse;
                result.BodyWords = PdBodyText.Malformed(ex);
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException ||
                                       ex is OperationCanceledException || ex is JsonReaderException)
            {
                if (token.IsCancellationRequested) throw new OperationCanceledException(token);
                CutOff(result, response);
            }
        }

        /// <summary>Runs <paramref name="readBody"/> over the body; an answer of the wrong shape is kept as <see cref="Attempt.ShapeProblem"/>.</summary>
        private static void ReadParsed(Attempt result, Func<JsonReader, object> readBody, JsonReader reader)
        {
            reader.DateParseHandling = DateParseHandling.None;
            reader.FloatParseHandling = FloatParseHandling.Double;
            try
            {
                result.Parsed = readBody(reader);
            }
            catch (PdShapeException ex)
            {
                result.ShapeProblem = ex.Message;
            }
        }

        /// <summary>How much of an error answer's body is read: enough for any message, never a flood.</summary>
        internal const int MaxErrorBodyBytes = 64 * 1024;

        /// <summary>
        /// The answer's body as UTF-8 text, or null when the connection ended before all of it came
        /// (or the timeout or Ctrl+C cut the read short). At most <paramref name="cap"/> bytes are
        /// read: past it, the text read so far when <paramref name="keepStart"/>, else TooLarge. The
        /// read takes the token; disposing the answer as well ends a stalled read on runtimes whose
        /// network streams ignore the token.
        /// </summary>
        private static async Task<(string? Text, bool TooLarge)> ReadBodyAsync(HttpResponseMessage response, long cap, bool keepStart,
            CancellationToken token)
        {
            if (response.Content == null) return (string.Empty, false);
            try
            {
                using (token.Register(response.Dispose))
                using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var buffer = new MemoryStream())
                {
                    var chunk = new byte[16 * 1024];
                    int read;
                    while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
                    {
                        var room = cap - buffer.Length;
                        buffer.Write(chunk, 0, (int)Math.Min(read, room));
                        if (read > room)
                        {
                            if (!keepStart) return (null, true);
                            break;
                        }
                    }
                    return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), false);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                return (null, false);
            }
        }

        /// <summary>A 2xx answer whose body is larger than the connection reads.</summary>
        private static void TooLarge(Attempt result, HttpResponseMessage response, long cap)
        {
            result.Status = (int)response.StatusCode;
            result.Reason = response.ReasonPhrase;
            result.Kind = PdFailureKind.TooLarge;
            result.ErrorId = PdErrors.InvalidResponse;
            result.BodyWords = string.Format(CultureInfo.InvariantCulture,
                "a body larger than {0} MB, which was not read further (the connection's MaxResponseSizeMB)", cap / (1024 * 1024));
        }

        /// <summary>The API speaks UTF-8; a byte that is not is replaced rather than failing the answer.</summary>
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, false);

        /// <summary>An answer whose status came but whose body did not, all of it: a cut-off 2xx is an invalid answer.</summary>
        private static void CutOff(Attempt result, HttpResponseMessage response)
        {
            result.Status = (int)response.StatusCode;
            result.Reason = response.ReasonPhrase;
            if (response.IsSuccessStatusCode)
            {
                result.Kind = PdFailureKind.InvalidBody;
                result.ErrorId = PdErrors.InvalidResponse;
                result.BodyWords = "a body that was cut off when the connection ended";
                return;
            }
            result.Kind = PdFailureKind.Status;
            result.ErrorId = PdErrors.ErrorIdForStatus(result.Status.Value);
            result.RetryAfter = ReadRetryAfter(response);
        }

        /// <summary>Fills in an attempt from its answer: the JSON body, or what is wrong with it.</summary>
        private static void Read(Attempt result, HttpResponseMessage response, string text, bool captureBodies)
        {
            result.Status = (int)response.StatusCode;
            result.Reason = response.ReasonPhrase;
            result.ResponseBody = captureBodies ? text : null;
            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            var isJson = PdBodyText.TryParse(text, out var json, out var malformed);

            if (!response.IsSuccessStatusCode)
            {
                result.Kind = PdFailureKind.Status;
                result.ErrorId = PdErrors.ErrorIdForStatus(result.Status.Value);
                result.RetryAfter = ReadRetryAfter(response);
                result.ApiMessage = PdBodyText.ApiMessage(text);
                result.BodyWords = isJson || result.ApiMessage == null
                    ? result.ApiMessage
                    : PdBodyText.Kind(text, mediaType) + " saying \"" + result.ApiMessage + "\"";
                if (result.Status >= 300 && result.Status < 400) result.BodyWords = Redirected(response, result.BodyWords);
                return;
            }
            if (string.IsNullOrWhiteSpace(text)) return;
            if (isJson)
            {
                result.Body = json;
                return;
            }
            result.Kind = PdFailureKind.InvalidBody;
            result.ErrorId = PdErrors.InvalidResponse;
            var declaredJson = mediaType == null || mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
            var start = text.TrimStart();
            if (declaredJson && (start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal)))
            {
                result.BodyWords = malformed;
            }
            else
            {
                result.ApiMessage = PdBodyText.PlainText(text);
                result.BodyWords = PdBodyText.Kind(text, mediaType) + " instead of JSON: \"" + result.ApiMessage + "\"";
            }
        }

        /// <summary>
        /// The words for a redirect, which the module never follows (the API does not redirect, and a
        /// redirect could carry the key elsewhere): where it points, so a wrong -BaseUri shows.
        /// </summary>
        private static string Redirected(HttpResponseMessage response, string? bodyWords)
        {
            var location = response.Headers.Location;
            var where = location == null
                ? "it redirects, without saying where"
                : "it redirects to " + PdText.Quote(location.IsAbsoluteUri ? location.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : location.OriginalString);
            return where + " (redirects are not followed; check -BaseUri)" + (bodyWords == null ? "" : ": " + bodyWords);
        }

        /// <summary>True when the connection itself could not be made, so the server cannot have seen the request.</summary>
        private static bool NeverSent(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                            return true;
                    }
                }
                if (e is WebException web &&
                    (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                    return true;
            }
            return false;
        }

        private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var retry = response.Headers.RetryAfter;
            if (retry == null) return null;
            if (retry.Delta.HasValue) return retry.Delta.Value;
            if (retry.Date.HasValue)
            {
                var delta = retry.Date.Value - DateTimeOffset.UtcNow;
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            return null;
        }

        /// <summary>The exception at the bottom of a chain: the socket's or the runtime's own words for a network failure.</summary>
        internal static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        /// <summary>What one attempt came to. Kind is null for a usable answer.</summary>
        private sealed class Attempt
        {
            public PdFailureKind? Kind;
            public string? ErrorId;
            public int? Status;
            public string? Reason;
            public JToken? Body;
            /// <summary>What readBody made of the body, when it was given one and the answer had the right shape.</summary>
            public object? Parsed;
            /// <summary>What was wrong with the shape of a JSON answer that readBody read, in PdAnswer's words.</summary>
            public string? ShapeProblem;
            public TimeSpan? RetryAfter;
            public string? ApiMessage;
            /// <summary>How the failure is put in the error message (the API's message, or what the body or network said).</summary>
            public string? BodyWords;
            public Exception? Inner;
            public TimeSpan Elapsed;
            /// <summary>For the trace when no status came back: "timed out" or "failed".</summary>
            public string? Outcome;
            public string? RequestBody;
            public string? ResponseBody;
            /// <summary>How the connection's concurrency limit changed because of this answer, for -Verbose.</summary>
            public string? LimitChange;
        }
    }

    /// <summary>A usable answer: its JSON body (null when empty) and where it came from, for checking its shape.</summary>
    public sealed class PdResponse
    {
        internal PdResponse(JToken? body, int? status, string? reason, int attempts, string method, string path)
        {
            Body = body;
            Status = status;
            Reason = reason;
            Attempts = attempts;
            Method = method;
            Path = path;
        }

        public JToken? Body { get; }

        /// <summary>What the exchange's body reader made of the answer.</summary>
        internal object? Parsed { get; set; }

        /// <summary>Why the answer does not have the shape the body reader expects; null when it does.</summary>
        internal string? ShapeProblem { get; set; }

        public int? Status { get; }
        public string? Reason { get; }
        public int Attempts { get; }
        public string Method { get; }
        public string Path { get; }
    }
}
