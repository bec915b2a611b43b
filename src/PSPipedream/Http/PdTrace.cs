using System;
using System.Globalization;

namespace PSPipedream.Http
{
    /// <summary>What a cmdlet learns about one HTTP exchange, for -Verbose and -Debug.</summary>
    internal sealed class PdTrace
    {
        public PdTrace(string method, Uri uri, int? statusCode, TimeSpan elapsed, string? failure, string? requestBody, string? responseBody,
            string? note = null)
        {
            Note = note;
            Method = method;
            Uri = uri;
            StatusCode = statusCode;
            Elapsed = elapsed;
            Failure = failure;
            RequestBody = requestBody;
            ResponseBody = responseBody;
        }

        public string Method { get; }
        public Uri Uri { get; }
        public int? StatusCode { get; }
        public TimeSpan Elapsed { get; }
        /// <summary>Set when no HTTP status came back (timeout, network failure, cancellation).</summary>
        public string? Failure { get; }
        public string? RequestBody { get; }
        public string? ResponseBody { get; }

        /// <summary>What happens next, when it is not the obvious: "retrying in 2.0 s (attempt 2 of 4)".</summary>
        public string? Note { get; }

        /// <summary>A line about the request that is not an exchange: <c>GET https://host/v1/users/me: waiting 2.0 s ...</c>.</summary>
        internal static PdTrace Notice(string method, Uri uri, string note) =>
            new PdTrace(method, uri, null, TimeSpan.Zero, null, null, null, note) { _isNotice = true };

        private bool _isNotice;

        /// <summary>The verbose line: <c>GET https://host/v1/users/me -> 200 (12 ms)</c>, then "; " and the note if any.</summary>
        public override string ToString()
        {
            if (_isNotice) return Method + " " + Uri.AbsoluteUri + ": " + Note;
            var outcome = StatusCode.HasValue ? StatusCode.Value.ToString(CultureInfo.InvariantCulture) : (Failure ?? "failed");
            var line = string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3} ms)",
                Method, Uri.AbsoluteUri, outcome, (long)Elapsed.TotalMilliseconds);
            return Note == null ? line : line + "; " + Note;
        }
    }
}
