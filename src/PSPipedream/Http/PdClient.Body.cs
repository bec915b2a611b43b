using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>Reading an answer's body, capped, and what it counts as: a usable answer, a cut-off or oversized one, or an error in the API's words.</summary>
    internal sealed partial class PdClient
    {
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
        private static async Task ReadStreamAsync(PdAttempt result, HttpResponseMessage response, Func<JsonReader, object> readBody, long cap,
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

        /// <summary>Runs <paramref name="readBody"/> over the body; an answer of the wrong shape is kept as <see cref="PdAttempt.ShapeProblem"/>.</summary>
        private static void ReadParsed(PdAttempt result, Func<JsonReader, object> readBody, JsonReader reader)
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
        private static void TooLarge(PdAttempt result, HttpResponseMessage response, long cap)
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
        private static void CutOff(PdAttempt result, HttpResponseMessage response)
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
            result.RetryAfter = PdRetryAfter.Read(response);
        }

        /// <summary>Fills in an attempt from its answer: the JSON body, or what is wrong with it.</summary>
        private static void Read(PdAttempt result, HttpResponseMessage response, string text, bool captureBodies)
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
                result.RetryAfter = PdRetryAfter.Read(response);
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
    }
}
