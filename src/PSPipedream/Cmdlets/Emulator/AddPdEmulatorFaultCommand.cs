using System.Globalization;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Makes the emulator misbehave for the next matching API requests (POST /_emulator/faults).</summary>
    [Cmdlet(VerbsCommon.Add, "PdEmulatorFault", SupportsShouldProcess = true, DefaultParameterSetName = StatusSet)]
    [OutputType(typeof(PdEmulatorFault))]
    public sealed class AddPdEmulatorFaultCommand : PdEmulatorCmdlet
    {
        private const string StatusSet = "Status";
        private const string AbortSet = "Abort";
        private const string TruncateSet = "Truncate";
        private const string NonJsonSet = "NonJson";
        private const string NoDataSet = "NoData";
        private const string RepeatCursorSet = "RepeatCursor";
        private const string DelaySet = "Delay";

        [Parameter(HelpMessage = "The HTTP method the fault applies to, or * (the default) for any.")]
        [ValidateNotNullOrEmpty]
        public string Method { get; set; } = "*";

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The request path the fault applies to, a glob without the query (* is any run of characters), with the /v1 prefix, e.g. /v1/users/me/sources*. A path that cannot match one under /v1/ is refused.")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(HelpMessage = "How many matching requests get the fault (default 1).")]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = 1;

        [Parameter(Mandatory = true, ParameterSetName = StatusSet, HelpMessage = "Answer with this HTTP status and {\"error\": \"injected fault\"}, e.g. 429 or 503.")]
        [Parameter(ParameterSetName = NonJsonSet, HelpMessage = "The HTTP status of the answer (default 200).")]
        [Parameter(ParameterSetName = NoDataSet, HelpMessage = "The HTTP status of the answer (default 200).")]
        [ValidateRange(100, 599)]
        public int Status { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AbortSet, HelpMessage = "Drop the connection without an answer.")]
        public SwitchParameter Abort { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TruncateSet, HelpMessage = "Answer normally but send only the first half of the JSON body.")]
        public SwitchParameter Truncate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NonJsonSet, HelpMessage = "Answer with an HTML body instead of JSON.")]
        public SwitchParameter NonJson { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NoDataSet, HelpMessage = "Answer {} (no data field) without running the request.")]
        public SwitchParameter NoData { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RepeatCursorSet, HelpMessage = "Answer normally but hand a list page's own cursors back, so a pager would loop.")]
        public SwitchParameter RepeatCursor { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DelaySet, HelpMessage = "Wait this many milliseconds, then answer normally.")]
        [ValidateRange(0, int.MaxValue)]
        public int Delay { get; set; }

        [Parameter(ParameterSetName = StatusSet, HelpMessage = "The Retry-After header to send with -Status: whole seconds (\"5\") or an HTTP date.")]
        [ValidateNotNullOrEmpty]
        public string? RetryAfter { get; set; }

        private protected override void ProcessPdRecord()
        {
            Check(nameof(Path), PdValidation.CheckFaultPath(Path), Path, terminating: true);
            var action = ParameterSetName switch
            {
                AbortSet => "abort",
                TruncateSet => "truncate",
                NonJsonSet => "non_json",
                NoDataSet => "no_data",
                RepeatCursorSet => "repeat_cursor",
                DelaySet => "delay",
                _ => "status",
            };
            var body = new JObject
            {
                ["method"] = Method.ToUpperInvariant(),
                ["path"] = Path,
                ["count"] = Count,
                ["action"] = action,
            };
            if (IsBound(nameof(Status))) body["status"] = Status;
            if (RetryAfter != null) body["retry_after"] = RetryAfter;
            if (IsBound(nameof(Delay))) body["delay_ms"] = Delay;

            var control = Control;
            var what = string.Format(CultureInfo.InvariantCulture, "Add a fault ({0}{1}) for the next {2} {3} {4}",
                action, IsBound(nameof(Status)) ? " " + Status.ToString(CultureInfo.InvariantCulture) : string.Empty, Count, Method, Path);
            if (!ShouldProcess(control.RootUri.AbsoluteUri, what)) return;
            WriteObject(control.Post("faults", body, PdEmulatorFault.From, CancellationToken));
        }
    }
}
