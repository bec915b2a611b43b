using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>
    /// What Send-PdEmulatorEvent -Every scheduled: the emulator emits Count events, one every
    /// EverySeconds, from FirstAt to LastAt (UTC), in the background, until Reset-PdEmulator or it stops.
    /// </summary>
    public sealed class PdEmulatorSchedule
    {
        public string? Id { get; internal set; }
        public string? EmitterId { get; internal set; }
        /// <summary>The stream: empty for ordinary events, else e.g. $errors.</summary>
        public string? EventName { get; internal set; }
        public double EverySeconds { get; internal set; }
        public int Count { get; internal set; }
        public DateTime? FirstAt { get; internal set; }
        public DateTime? LastAt { get; internal set; }

        /// <summary>Reads the control API's answer to POST /_emulator/emit with every_seconds.</summary>
        internal static PdEmulatorSchedule From(JToken? answer)
        {
            var s = Cmdlets.PdEmulatorJson.ExpectObject(answer);
            return new PdEmulatorSchedule
            {
                Id = (string?)s["id"],
                EmitterId = (string?)s["emitter_id"],
                EventName = (string?)s["name"],
                EverySeconds = (double?)s["every_seconds"] ?? 0,
                Count = (int?)s["count"] ?? 0,
                FirstAt = Time(s["first_at"]),
                LastAt = Time(s["last_at"]),
            };
        }

        private static DateTime? Time(JToken? token) => token == null || token.Type == JTokenType.Null ? (DateTime?)null
            : token.Type == JTokenType.Date ? ((DateTime)token).ToUniversalTime()
            : DateTime.Parse((string)token!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override string ToString() => Id ?? string.Empty;
    }
}
