using System;
using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>One API request the emulator logged.</summary>
    public sealed class PdEmulatorRequest
    {
        public long Seq { get; internal set; }
        public DateTime ReceivedAt { get; internal set; }
        public string? Method { get; internal set; }
        public string? Path { get; internal set; }
        public string? Query { get; internal set; }
        /// <summary>The request's JSON body as text (null when none).</summary>
        public string? Body { get; internal set; }
        public bool BodyTruncated { get; internal set; }
        public int Status { get; internal set; }
        public double DurationMs { get; internal set; }
        public string? Fault { get; internal set; }

        /// <summary>Reads one entry of the control API's request log (GET /_emulator/requests).</summary>
        internal static PdEmulatorRequest From(JToken? answer)
        {
            var t = Cmdlets.PdEmulatorJson.ExpectObject(answer);
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
