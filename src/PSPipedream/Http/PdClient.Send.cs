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

            for (var attempt = 1; ; attempt++)
            {
                await Retry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                var result = await SendOnceAsync(request, uri, requestBody, readBody, cancellationToken).ConfigureAwait(false);
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

        private void Report(PdRequest request, Uri uri, Attempt result, string? note) =>
            request.Trace?.Invoke(new PdTrace(request.Method.Method, uri, result.Status, result.Elapsed,
                result.Status.HasValue ? null : result.Outcome, result.RequestBody, result.ResponseBody, note));

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
                if (requestBody != null)
                {
                    message.Content = new StringContent(requestBody, new UTF8Encoding(false), "application/json");
                    // StringContent adds "; charset=utf-8"; the API asks for application/json.
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                try
                {
                    using (var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutCts.Token).ConfigureAwait(false))
                    {
                        if (readBody != null && !request.CaptureBodies && IsStreamable(response))
                        {
                            await ReadStreamAsync(result, response, readBody, timeoutCts.Token).ConfigureAwait(false);
                            result.Elapsed = stopwatch.Elapsed;
                            return result;
                        }
                        var text = await ReadBodyAsync(response, timeoutCts.Token).ConfigureAwait(false);
                        result.Elapsed = stopwatch.Elapsed;
                        if (text != null)
                        {
                            Read(result, response, Redact(text)!, request.CaptureBodies);
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
        private static async Task ReadStreamAsync(Attempt result, HttpResponseMessage response, Func<JsonReader, object> readBody, CancellationToken token)
        {
            result.Status = (int)response.StatusCode;
            result.Reason = response.ReasonPhrase;
            try
            {
                using (token.Register(response.Dispose))
                using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024))
                {
                    ReadParsed(result, readBody, new JsonTextReader(text));
                }
            }
            catch (JsonReaderException) when (!token.IsCancellationRequested)
            {
                result.Kind = PdFailureKind.InvalidBody;
                result.ErrorId = PdErrors.InvalidResponse;
                result.BodyWords = "JSON that is cut off or malformed";
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

        /// <summary>
        /// The answer's body as UTF-8 text, or null when the connection ended before all of it came
        /// (or the timeout or Ctrl+C cut the read short). The read takes the token; disposing the
        /// answer as well ends a stalled read on runtimes whose network streams ignore the token.
        /// </summary>
        private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken token)
        {
            if (response.Content == null) return string.Empty;
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
                        buffer.Write(chunk, 0, read);
                    }
                    return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
                }
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                return null;
            }
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
            var isJson = PdBodyText.TryParse(text, out var json);

            if (!response.IsSuccessStatusCode)
            {
                result.Kind = PdFailureKind.Status;
                result.ErrorId = PdErrors.ErrorIdForStatus(result.Status.Value);
                result.RetryAfter = ReadRetryAfter(response);
                result.ApiMessage = PdBodyText.ApiMessage(text);
                result.BodyWords = isJson || result.ApiMessage == null
                    ? result.ApiMessage
                    : PdBodyText.Kind(text, mediaType) + " saying \"" + result.ApiMessage + "\"";
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
                result.BodyWords = "JSON that is cut off or malformed";
            }
            else
            {
                result.ApiMessage = PdBodyText.PlainText(text);
                result.BodyWords = PdBodyText.Kind(text, mediaType) + " instead of JSON: \"" + result.ApiMessage + "\"";
            }
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

        private static Exception Innermost(Exception ex)
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
