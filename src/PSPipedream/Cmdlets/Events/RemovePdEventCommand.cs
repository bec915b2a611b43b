using System.Globalization;
using System.Management.Automation;
using PSPipedream.Errors;
using PSPipedream.Http;

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
    public sealed class RemovePdEventCommand : PdItemChangeCmdlet
    {
        private const string EventSet = "EventId";
        private const string RangeSet = "Range";
        private const string AllSet = "All";

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

        private protected override object? ErrorTarget => SourceId;

        private protected override void ProcessPdRecord()
        {
            if (ParameterSetName == RangeSet && !IsBound(nameof(StartId)) && !IsBound(nameof(EndId)))
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.InvalidArgument,
                    "Say which events to delete: -EventId, -StartId and/or -EndId, or -All to delete every event of the source.", SourceId));
            }
            if (!Check(nameof(SourceId), PdValidation.CheckId(SourceId, "dc_"), SourceId)) return;

            var source = Named(SourceId);
            string? start = null, end = null;
            string target;
            switch (ParameterSetName)
            {
                case EventSet:
                    if (!Check(nameof(EventId), PdValidation.CheckEventId(EventId), EventId)) return;
                    start = end = EventId;
                    target = string.Format(CultureInfo.InvariantCulture, "event {0} of {1}", EventId, source);
                    break;
                case AllSet:
                    target = "all events of " + source;
                    break;
                default:
                    if (StartId != null && !Check(nameof(StartId), PdValidation.CheckEventId(StartId), StartId)) return;
                    if (EndId != null && !Check(nameof(EndId), PdValidation.CheckEventId(EndId), EndId)) return;
                    if (!Check(nameof(StartId), PdValidation.CheckEventRange(StartId, EndId), StartId)) return;
                    start = StartId;
                    end = EndId;
                    target = "events of " + source + (start == null ? " up to " + end : end == null ? " from " + start + " onward" : " from " + start + " to " + end);
                    break;
            }

            if (!ShouldProcessForce(Force.IsPresent, target, "Delete events")) return;

            var request = PdRequest.Delete("sources", SourceId, "events")
                .WithQuery("start_id", start)
                .WithQuery("end_id", end);
            Dispatch(SourceId, () => SendAsync(request), _ => { }, target);
        }
    }
}
