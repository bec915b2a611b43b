using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Deletes events of a source (DELETE /sources/{id}/events): one event (-EventId, sent as
    /// start_id = end_id), an inclusive range (-StartId and/or -EndId), or every event (-All).
    /// Without one of these it refuses to run: it never deletes everything by default.
    /// <c>Get-PdEvent -SourceId dc_x | Remove-PdEvent</c> deletes the listed events one by one.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PdEvent", DefaultParameterSetName = RangeSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePdEventCommand : PdFanOutCmdlet
    {
        private const string EventSet = "EventId";
        private const string RangeSet = "Range";
        private const string AllSet = "All";

        private static readonly Regex EventIdPattern = new Regex(@"^[0-9]+-[0-9]+\z", RegexOptions.CultureInvariant);

        /// <summary>The source whose events to delete.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) whose events to delete.")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string SourceId { get; set; } = string.Empty;

        /// <summary>The one event to delete.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EventSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The id of the one event to delete, e.g. 1589486981597-0 (sent as start_id and end_id).")]
        [Alias("Id")]
        [AllowEmptyString]
        public string EventId { get; set; } = string.Empty;

        /// <summary>The first (oldest) event of the range to delete, inclusive.</summary>
        [Parameter(ParameterSetName = RangeSet,
            HelpMessage = "The oldest event of the range to delete, inclusive, e.g. 1589486981597-0. Alone: this event and every newer one.")]
        [AllowEmptyString]
        public string? StartId { get; set; }

        /// <summary>The last (newest) event of the range to delete, inclusive.</summary>
        [Parameter(ParameterSetName = RangeSet,
            HelpMessage = "The newest event of the range to delete, inclusive, e.g. 1589486981599-0. Alone: this event and every older one.")]
        [AllowEmptyString]
        public string? EndId { get; set; }

        /// <summary>Delete every event of the source.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet,
            HelpMessage = "Delete every event of the source (sends neither start_id nor end_id).")]
        public SwitchParameter All { get; set; }

        /// <summary>Skip the confirmation prompt (-WhatIf still wins).</summary>
        [Parameter(HelpMessage = "Delete without asking for confirmation. -WhatIf still sends nothing.")]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => SourceId;

        protected override void ProcessPdRecord()
        {
            if (ParameterSetName == RangeSet && !IsBound(nameof(StartId)) && !IsBound(nameof(EndId)))
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.InvalidArgument,
                    "Say which events to delete: -EventId, -StartId and/or -EndId, or -All to delete every event of the source.", SourceId));
            }
            if (!TryValidateId(nameof(SourceId), SourceId, "dc_")) return;

            string? start = null, end = null;
            string target;
            switch (ParameterSetName)
            {
                case EventSet:
                    if (!CheckEventId(nameof(EventId), EventId)) return;
                    start = end = EventId;
                    target = string.Format(CultureInfo.InvariantCulture, "event {1} of {0}", SourceId, EventId);
                    break;
                case AllSet:
                    target = "all events of " + SourceId;
                    break;
                default:
                    if (StartId != null && !CheckEventId(nameof(StartId), StartId)) return;
                    if (EndId != null && !CheckEventId(nameof(EndId), EndId)) return;
                    if (StartId != null && EndId != null && CompareEventIds(StartId, EndId) > 0)
                    {
                        // The API would delete nothing and still answer 202: say so instead.
                        RejectItemArgument(nameof(StartId), string.Format(CultureInfo.InvariantCulture,
                            "-StartId {0} is newer than -EndId {1}: the range runs from the oldest event (-StartId) to the newest (-EndId).",
                            PdText.Quote(StartId), PdText.Quote(EndId)), StartId);
                        return;
                    }
                    start = StartId;
                    end = EndId;
                    target = string.Format(CultureInfo.InvariantCulture, "{0} events {1} to {2}",
                        SourceId, start ?? "the oldest", end ?? "the newest");
                    break;
            }

            if (!ShouldProcessForce(Force.IsPresent, target, "Delete events")) return;

            var request = PdRequest.Delete("sources", SourceId, "events")
                .WithQuery("start_id", start)
                .WithQuery("end_id", end);
            Dispatch(SourceId, () => SendAsync(request), _ => { });
        }

        /// <summary>Orders two well-formed event ids (&lt;ms&gt;-&lt;sequence&gt;) by time, then sequence.</summary>
        private static int CompareEventIds(string a, string b)
        {
            var x = a.Split('-');
            var y = b.Split('-');
            var result = CompareDigits(x[0], y[0]);
            return result != 0 ? result : CompareDigits(x[1], y[1]);
        }

        private static int CompareDigits(string a, string b)
        {
            a = a.TrimStart('0');
            b = b.TrimStart('0');
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }

        private bool CheckEventId(string parameterName, string value)
        {
            var problem = PdValidation.CheckText(value, "event id");
            if (problem == null && EventIdPattern.IsMatch(value)) return true;
            RejectItemArgument(parameterName, problem ??
                "'" + PdText.Quote(value) + "' is not an event id: it should look like 1589486981597-0 (<digits>-<digits>).",
                value);
            return false;
        }
    }
}
