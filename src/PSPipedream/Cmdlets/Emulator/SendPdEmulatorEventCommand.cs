using System.Collections;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>Emits an event from a source or workflow in the emulator (POST /_emulator/emit).</summary>
    [Cmdlet(VerbsCommunications.Send, "PdEmulatorEvent", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class SendPdEmulatorEventCommand : PdEmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) or workflow (p_...) that emits the event; binds from piped objects' Id or SourceId.")]
        [Alias("Id", "SourceId")]
        [ValidateNotNullOrEmpty]
        public string EmitterId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, HelpMessage = "The event itself: a hashtable (or other data) sent as its JSON.")]
        [ValidateNotNull]
        public IDictionary? Event { get; set; }

        [Parameter(HelpMessage = "The event name: empty (the default) for ordinary events, $errors for a workflow's errors list.")]
        [AllowEmptyString]
        public string Name { get; set; } = string.Empty;

        [Parameter(HelpMessage = "Emit the same event this many times (default 1).")]
        [ValidateRange(1, 10000)]
        public int Count { get; set; } = 1;

        private protected override object? ErrorTarget => EmitterId;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(EmitterId), PdValidation.CheckId(EmitterId, "dc_", "p_"), EmitterId)) return;
            if (!PdFreeForm.TryToJson(Event, nameof(Event), out var json, out var problem))
            {
                Check(nameof(Event), problem, Event, terminating: true);
                return;
            }
            var control = Control;
            if (!ShouldProcess(EmitterId, "Emit " + Count + " event(s)")) return;
            var body = new JObject { ["emitter_id"] = EmitterId, ["event"] = json, ["name"] = Name, ["count"] = Count };
            var ids = control.Post("emit", body, a => PdEmulatorJson.ExpectArray(PdEmulatorJson.ExpectObject(a)["ids"]).Select(id => (string?)id).ToList(), CancellationToken);
            foreach (var id in ids) WriteObject(id);
        }
    }
}
