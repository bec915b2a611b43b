using System;
using System.Management.Automation;
using PSPipedream.Errors;

namespace PSPipedream
{
    /// <summary>
    /// A failed API call: a non-2xx answer, a timeout, a network failure or an answer that cannot
    /// be what the API promises. Carries everything an ErrorRecord needs; never the API key.
    /// </summary>
    public class PdApiException : Exception
    {
        public PdApiException(string errorId, string message, string? method = null, string? path = null,
            int? statusCode = null, string? apiMessage = null, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ApiMessage = apiMessage;
        }

        /// <summary>Stable id such as PdNotFound or PdUnauthorized (see <see cref="PdErrors"/>).</summary>
        public string ErrorId { get; }

        /// <summary>HTTP status of the last attempt, or null when no answer came back.</summary>
        public int? StatusCode { get; }

        public string? Method { get; }

        /// <summary>Path and query of the request, below the host (e.g. /v1/users/me/sources?limit=10).</summary>
        public string? Path { get; }

        /// <summary>
        /// The API's own message (from {"error": ...}), or for a body that is not JSON its text with
        /// any markup stripped, shortened. Scripts can match on it; the full message is <see cref="Exception.Message"/>.
        /// </summary>
        public string? ApiMessage { get; }

        /// <summary>How many times the request was sent (1 when it was not retried; 0 when it was refused before sending).</summary>
        public int Attempts { get; internal set; }

        /// <summary>The Retry-After the server asked for, when it did (for 429/503).</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        public ErrorCategory Category => PdErrors.CategoryFor(ErrorId);

        /// <summary>The same failure with a sentence of advice after the message, e.g. what the user probably meant.</summary>
        internal PdApiException WithAdvice(string advice) =>
            new PdApiException(ErrorId, Message + " " + advice, Method, Path, StatusCode, ApiMessage, InnerException)
            {
                Attempts = Attempts,
                RetryAfter = RetryAfter,
            };
    }
}
