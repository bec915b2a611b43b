using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Creates many sources at once in the emulator (POST /_emulator/seed).</summary>
    [Cmdlet(VerbsCommon.Add, "PdEmulatorSource", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject))]
    public sealed class AddPdEmulatorSourceCommand : PdEmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "How many sources to create.")]
        [ValidateRange(1, 100000)]
        public int Count { get; set; }

        [Parameter(HelpMessage = "The start of each source's name (default seed-); a number follows it.")]
        [ValidateNotNullOrEmpty]
        public string? NamePrefix { get; set; }

        [Parameter(HelpMessage = "The user (u_...) or org (o_...) that owns the sources. Default: the emulator's first user.")]
        [ValidateNotNullOrEmpty]
        public string? OwnerId { get; set; }

        protected override void ProcessPdRecord()
        {
            if (OwnerId != null) ValidateId(nameof(OwnerId), OwnerId, "u_", "o_");
            var control = Control;
            if (!ShouldProcess(control.RootUri.AbsoluteUri, "Create " + Count + " source(s)")) return;
            var body = new JObject { ["count"] = Count };
            if (NamePrefix != null) body["name_prefix"] = NamePrefix;
            if (OwnerId != null) body["owner_id"] = OwnerId;
            WriteObject(control.Post("seed", body, ReadSeed, CancellationToken));
        }

        private static PSObject ReadSeed(JToken? answer)
        {
            var seed = PdEmulatorControl.ExpectObject(answer);
            var ids = seed["ids"] == null ? new JArray() : PdEmulatorControl.ExpectArray(seed["ids"]);
            var result = new PSObject();
            result.TypeNames.Insert(0, "PSPipedream.PdEmulatorSeed");
            result.Properties.Add(new PSNoteProperty("Count", (int?)seed["count"] ?? 0));
            result.Properties.Add(new PSNoteProperty("FirstId", ids.Count > 0 ? (string?)ids[0] : null));
            result.Properties.Add(new PSNoteProperty("LastId", ids.Count > 1 ? (string?)ids[1] : null));
            return result;
        }
    }
}
