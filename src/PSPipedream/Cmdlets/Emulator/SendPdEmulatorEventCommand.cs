using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Emits an event from a source or workflow in the emulator (POST /_emulator/emit): now, backdated
    /// (-Timestamp), or steadily in the background (-Every with -Count).
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "PdEmulatorEvent", SupportsShouldProcess = true, DefaultParameterSetName = NowSet)]
    [OutputType(typeof(string), ParameterSetName = new[] { NowSet })]
    [OutputType(typeof(PdEmulatorSchedule), ParameterSetName = new[] { EverySet })]
    public sealed class SendPdEmulatorEventCommand : PdEmulatorCmdlet
    {
        private const string NowSet = "Now";
        private const string EverySet = "Every";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) or workflow (p_...) that emits the event; binds from piped objects' Id or SourceId.")]
        [Alias("Id", "SourceId")]
        [ValidateNotNullOrEmpty]
        public string EmitterId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, HelpMessage = "The event itself, sent as its JSON: a hashtable, or any object such as the Event of an event from Get-PdEvent or the output of ConvertFrom-Json.")]
        [ValidateNotNull]
        public object? Event { get; set; }

        [Parameter(HelpMessage = "The event name: empty (the default) for ordinary events, $errors for a workflow's errors list.")]
        [AllowEmptyString]
        public string Name { get; set; } = string.Empty;

        [Parameter(ParameterSetName = NowSet, HelpMessage = "Emit the same event this many times (default 1).")]
        [Parameter(ParameterSetName = EverySet, Mandatory = true, HelpMessage = "With -Every: how many events to emit in all, one per interval (1 to 10000).")]
        [ValidateRange(1, 10000)]
        public int Count { get; set; } = 1;

        [Parameter(ParameterSetName = NowSet, HelpMessage = "Backdate the events to this time: their ids and IndexedAt come from it, and they take their place by time among the source's others. A time without a zone is local time. From 1970 up to now; not in the future.")]
        public DateTime? Timestamp { get; set; }

        [Parameter(ParameterSetName = EverySet, Mandatory = true, HelpMessage = "Emit steadily in the background, one event every this many seconds (0.1 to 3600), the first one interval from now; needs -Count. The cmdlet returns at once with what was scheduled; Reset-PdEmulator stops it.")]
        [ValidateRange(0.1, 3600.0)]
        public double Every { get; set; }

        private protected override object? ErrorTarget => EmitterId;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(EmitterId), PdValidation.CheckId(EmitterId, "dc_", "p_"), EmitterId)) return;
            if (!PdFreeForm.TryToJson(Event, nameof(Event), out var json, out var problem))
            {
                Check(nameof(Event), problem, Event, terminating: true);
                return;
            }
            var body = new JObject { ["emitter_id"] = EmitterId, ["event"] = json, ["name"] = Name, ["count"] = Count };
            string action;
            if (ParameterSetName == EverySet)
            {
                body["every_seconds"] = Every;
                action = string.Format(CultureInfo.InvariantCulture, "Emit {0} event(s), one every {1} s, in the background", Count, Every);
            }
            else if (Timestamp is DateTime given)
            {
                var utc = PdValidation.ToUtc(given);
                Check(nameof(Timestamp), PdValidation.CheckPastTime(utc, DateTime.UtcNow), given, terminating: true);
                body["timestamp"] = PdEmulatorJson.Time(utc);
                action = string.Format(CultureInfo.InvariantCulture, "Emit {0} event(s) dated {1}", Count, PdTimeText.Text(utc, milliseconds: false));
            }
            else
            {
                action = "Emit " + Count.ToString(CultureInfo.InvariantCulture) + " event(s)";
            }
            var control = Control;
            if (!ShouldProcess(EmitterId, action)) return;
            if (ParameterSetName == EverySet)
            {
                WriteObject(control.Post("emit", body, PdEmulatorSchedule.From, CancellationToken));
                return;
            }
            var ids = control.Post("emit", body, a => PdEmulatorJson.ExpectArray(PdEmulatorJson.ExpectObject(a)["ids"]).Select(id => (string?)id).ToList(), CancellationToken);
            foreach (var id in ids) WriteObject(id);
        }
    }
}
