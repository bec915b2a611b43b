using System;
using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>One API request the emulator logged.</summary>
    public sealed class PdEmulatorRequest
    {
        public long Seq { get; set; }
        public DateTime ReceivedAt { get; set; }
        public string? Method { get; set; }
        public string? Path { get; set; }
        public string? Query { get; set; }
        /// <summary>The request's JSON body as text (null when none).</summary>
        public string? Body { get; set; }
        public bool BodyTruncated { get; set; }
        public int Status { get; set; }
        public double DurationMs { get; set; }
        public string? Fault { get; set; }

        internal static PdEmulatorRequest From(JToken t)
        {
            var body = t["body"];
            return new PdEmulatorRequest
            {
                Seq = (long?)t["seq"] ?? 0,
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds((long?)t["received_at_ms"] ?? 0).UtcDateTime,
                Method = (string?)t["method"],
                Path = (string?)t["path"],
                Query = (string?)t["query"],
                Body = body == null || body.Type == JTokenType.Null ? null
                    : body.Type == JTokenType.String ? (string?)body : body.ToString(Newtonsoft.Json.Formatting.None),
                BodyTruncated = (bool?)t["body_truncated"] ?? false,
                Status = (int?)t["status"] ?? 0,
                DurationMs = (double?)t["duration_ms"] ?? 0,
                Fault = (string?)t["fault"],
            };
        }

        public override string ToString() => Method + " " + Path + (string.IsNullOrEmpty(Query) ? "" : "?" + Query) + " -> " + Status;
    }
}
