using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>A usable answer: its JSON body (null when empty) and where it came from, for checking its shape.</summary>
    internal sealed class PdResponse
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
