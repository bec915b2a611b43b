using System;
using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>A workflow New-PdEmulatorWorkflow made in the emulator.</summary>
    public sealed class PdEmulatorWorkflow
    {
        public string? Id { get; internal set; }
        public string? OwnerId { get; internal set; }
        public DateTime? CreatedAt { get; internal set; }

        /// <summary>Reads the control API's answer to POST /_emulator/workflows (created_at in Unix seconds).</summary>
        internal static PdEmulatorWorkflow From(JToken? answer)
        {
            var workflow = Cmdlets.PdEmulatorJson.ExpectObject(answer);
            var created = (long?)workflow["created_at"];
            return new PdEmulatorWorkflow
            {
                Id = (string?)workflow["id"],
                OwnerId = (string?)workflow["owner_id"],
                CreatedAt = created == null ? (DateTime?)null : DateTimeOffset.FromUnixTimeSeconds(created.Value).UtcDateTime,
            };
        }
    }
}
