using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>A fault the emulator will inject into the next matching requests.</summary>
    public sealed class PdEmulatorFault
    {
        public string? Id { get; set; }
        public string? Method { get; set; }
        public string? Path { get; set; }
        public int Count { get; set; }
        public int Remaining { get; set; }
        public string? Action { get; set; }
        public int Status { get; set; }
        public string? RetryAfter { get; set; }
        public int DelayMs { get; set; }

        internal static PdEmulatorFault From(JToken t) => new PdEmulatorFault
        {
            Id = (string?)t["id"],
            Method = (string?)t["method"],
            Path = (string?)t["path"],
            Count = (int?)t["count"] ?? 0,
            Remaining = (int?)t["remaining"] ?? 0,
            Action = (string?)t["action"],
            Status = (int?)t["status"] ?? 0,
            RetryAfter = (string?)t["retry_after"],
            DelayMs = (int?)t["delay_ms"] ?? 0,
        };
    }
}
