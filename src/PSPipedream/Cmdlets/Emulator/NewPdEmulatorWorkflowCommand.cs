using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Makes a workflow in the emulator (POST /_emulator/workflows), for Get-PdWorkflowEvent and emits.</summary>
    [Cmdlet(VerbsCommon.New, "PdEmulatorWorkflow", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject))]
    public sealed class NewPdEmulatorWorkflowCommand : PdEmulatorCmdlet
    {
        [Parameter(Position = 0, HelpMessage = "The workflow id to use (p_ then letters, digits, _ or -). Default: a made-up one.")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter(HelpMessage = "The user (u_...) or org (o_...) that owns the workflow. Default: the emulator's first user.")]
        [ValidateNotNullOrEmpty]
        public string? OwnerId { get; set; }

        protected override void ProcessPdRecord()
        {
            if (Id != null) ValidateId(nameof(Id), Id, "p_");
            if (OwnerId != null) ValidateId(nameof(OwnerId), OwnerId, "u_", "o_");
            var control = Control;
            if (!ShouldProcess(Id ?? control.RootUri.AbsoluteUri, "Create an emulator workflow")) return;
            var body = new JObject();
            if (Id != null) body["id"] = Id;
            if (OwnerId != null) body["owner_id"] = OwnerId;
            WriteObject(control.Post("workflows", body, ReadWorkflow, CancellationToken));
        }

        private static PSObject ReadWorkflow(JToken? answer)
        {
            var workflow = PdEmulatorControl.ExpectObject(answer);
            var result = new PSObject();
            result.TypeNames.Insert(0, "PSPipedream.PdEmulatorWorkflow");
            result.Properties.Add(new PSNoteProperty("Id", (string?)workflow["id"]));
            result.Properties.Add(new PSNoteProperty("OwnerId", (string?)workflow["owner_id"]));
            var created = (long?)workflow["created_at"];
            result.Properties.Add(new PSNoteProperty("CreatedAt", created == null ? (object?)null : System.DateTimeOffset.FromUnixTimeSeconds(created.Value).UtcDateTime));
            return result;
        }
    }
}
