using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Makes a workflow in the emulator (POST /_emulator/workflows), for Get-PdWorkflowEvent and emits.</summary>
    [Cmdlet(VerbsCommon.New, "PdEmulatorWorkflow", SupportsShouldProcess = true)]
    [OutputType(typeof(PdEmulatorWorkflow))]
    public sealed class NewPdEmulatorWorkflowCommand : PdEmulatorCmdlet
    {
        [Parameter(Position = 0, HelpMessage = "The workflow id to use (p_ then letters, digits, _ or -). Default: a made-up one.")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter(HelpMessage = "The user (u_...) or org (o_...) that owns the workflow. Default: the emulator's first user.")]
        [ValidateNotNullOrEmpty]
        public string? OwnerId { get; set; }

        [Parameter(HelpMessage = "Answer the workflow's errors with original_event, original_context and error at the top level of each item, as some clients model them, rather than inside its event as the API reference shows. For testing scripts against both shapes.")]
        public SwitchParameter TopLevelErrors { get; set; }

        private protected override void ProcessPdRecord()
        {
            if (Id != null) Check(nameof(Id), PdValidation.CheckId(Id, "p_"), Id, terminating: true);
            if (OwnerId != null) Check(nameof(OwnerId), PdValidation.CheckId(OwnerId, "u_", "o_"), OwnerId, terminating: true);
            var control = Control;
            if (!ShouldProcess(Id ?? control.RootUri.AbsoluteUri, "Create an emulator workflow")) return;
            var body = new JObject();
            if (Id != null) body["id"] = Id;
            if (OwnerId != null) body["owner_id"] = OwnerId;
            if (TopLevelErrors) body["errors_shape"] = "top_level";
            WriteObject(control.Post("workflows", body, PdEmulatorWorkflow.From, CancellationToken));
        }
    }
}
