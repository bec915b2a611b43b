using System;
using System.Management.Automation;

namespace PSPipedream.Http
{
    /// <summary>
    /// A failed API call: a non-2xx answer, a timeout, a network failure or a body that is not JSON.
    /// Carries everything an ErrorRecord needs; never the API key.
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

        /// <summary>HTTP status, or null when no answer came back.</summary>
        public int? StatusCode { get; }

        public string? Method { get; }

        /// <summary>Path and query of the request, below the host (e.g. /v1/users/me/sources?limit=10).</summary>
        public string? Path { get; }

        /// <summary>The API's own message (from {"error": ...}) or the raw body, shortened.</summary>
        public string? ApiMessage { get; }

        /// <summary>The Retry-After the server asked for, when it did (for 429/503).</summary>
        public TimeSpan? RetryAfter { get; set; }

        public ErrorCategory Category => PdErrors.CategoryFor(ErrorId);
    }
}
