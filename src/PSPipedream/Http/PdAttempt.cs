using System;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>What one attempt came to, as PdClient fills it in. Kind is null for a usable answer.</summary>
    internal sealed class PdAttempt
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
