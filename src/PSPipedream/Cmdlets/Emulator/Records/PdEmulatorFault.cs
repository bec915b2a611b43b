using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>A fault the emulator will inject into the next matching requests.</summary>
    public sealed class PdEmulatorFault
    {
        public string? Id { get; internal set; }
        public string? Method { get; internal set; }
        public string? Path { get; internal set; }
        public int Count { get; internal set; }
        public int Remaining { get; internal set; }
        public string? Action { get; internal set; }
        public int Status { get; internal set; }
        public string? RetryAfter { get; internal set; }
        public int DelayMs { get; internal set; }

        /// <summary>Reads one fault of the control API (POST /_emulator/faults answers with the fault it added).</summary>
        internal static PdEmulatorFault From(JToken? answer)
        {
            var t = Cmdlets.PdEmulatorJson.ExpectObject(answer);
            return new PdEmulatorFault
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
}
