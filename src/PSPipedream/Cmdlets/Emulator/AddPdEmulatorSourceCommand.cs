using System;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Creates many sources at once in the emulator (POST /_emulator/seed).</summary>
    [Cmdlet(VerbsCommon.Add, "PdEmulatorSource", SupportsShouldProcess = true)]
    [OutputType(typeof(PdEmulatorSeed))]
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

        [Parameter(HelpMessage = "Backdate the sources: their CreatedAt and UpdatedAt are this time. A time without a zone is local time. From 1970 up to now; not in the future.")]
        public DateTime? CreatedAt { get; set; }

        private protected override void ProcessPdRecord()
        {
            if (OwnerId != null) Check(nameof(OwnerId), PdValidation.CheckId(OwnerId, "u_", "o_"), OwnerId, terminating: true);
            var createdAt = CreatedAt is DateTime given ? PdValidation.ToUtc(given) : (DateTime?)null;
            if (createdAt != null) Check(nameof(CreatedAt), PdValidation.CheckPastTime(createdAt.Value, DateTime.UtcNow), CreatedAt, terminating: true);
            var control = Control;
            if (!ShouldProcess(control.RootUri.AbsoluteUri, "Create " + Count + " source(s)")) return;
            var body = new JObject { ["count"] = Count };
            if (NamePrefix != null) body["name_prefix"] = NamePrefix;
            if (OwnerId != null) body["owner_id"] = OwnerId;
            if (createdAt != null) body["created_at"] = PdEmulatorJson.Time(createdAt.Value);
            WriteObject(control.Post("seed", body, PdEmulatorSeed.From, CancellationToken));
        }
    }
}
