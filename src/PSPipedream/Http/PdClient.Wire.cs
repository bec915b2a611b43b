using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using PSPipedream.Errors;

namespace PSPipedream.Http
{
    /// <summary>One attempt on the wire, and what a network failure means: whether the request can have reached the server.</summary>
    internal sealed partial class PdClient
    {
        /// <summary>One attempt: its answer, or how it failed (never throws for an HTTP or network failure).</summary>
        private async Task<PdAttempt> SendOnceAsync(PdRequest request, Uri uri, string? requestBody, Func<JsonReader, object>? readBody,
            CancellationToken cancellationToken)
        {
            var result = new PdAttempt { RequestBody = request.CaptureBodies ? Redact(requestBody) : null };
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

        /// <summary>The exception at the bottom of a chain: the socket's or the runtime's own words for a network failure.</summary>
        internal static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }
    }
}
