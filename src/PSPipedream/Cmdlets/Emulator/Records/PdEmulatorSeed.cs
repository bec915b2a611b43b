using Newtonsoft.Json.Linq;

namespace PSPipedream
{
    /// <summary>What Add-PdEmulatorSource created: how many sources, and the ids of the first and the last.</summary>
    public sealed class PdEmulatorSeed
    {
        public int Count { get; internal set; }
        public string? FirstId { get; internal set; }
        public string? LastId { get; internal set; }

        /// <summary>Reads the control API's answer to POST /_emulator/seed ({"count": n, "ids": [first, last]}).</summary>
        internal static PdEmulatorSeed From(JToken? answer)
        {
            var seed = Cmdlets.PdEmulatorJson.ExpectObject(answer);
            var ids = seed["ids"] == null ? new JArray() : Cmdlets.PdEmulatorJson.ExpectArray(seed["ids"]);
            return new PdEmulatorSeed
            {
                Count = (int?)seed["count"] ?? 0,
                FirstId = ids.Count > 0 ? (string?)ids[0] : null,
                LastId = ids.Count > 1 ? (string?)ids[1] : null,
            };
        }
    }
}
