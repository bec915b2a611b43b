using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the event list cmdlets (Get-PdEvent, Get-PdWorkflowEvent, Get-PdWorkflowError):
    /// validates the emitter id (non-terminating for pipeline input), adds -Expand (expand=event,
    /// so events over 1 KB come whole) and stamps each event with the source or workflow it was
    /// listed from. Events come newest first; their ids are the page cursors.
    /// </summary>
    public abstract class PdEventListCmdlet<T> : PdListCmdlet<T> where T : Event
    {
        /// <summary>Ask for whole events (expand=event) instead of summaries cut at 1 KB.</summary>
        [Parameter(HelpMessage = "Return whole events (sends expand=event); without it events over 1 KB are cut and marked IsTruncated.")]
        public SwitchParameter Expand { get; set; }

        /// <summary>The name of the emitter id parameter (SourceId or WorkflowId), for messages.</summary>
        protected abstract string EmitterParameterName { get; }

        /// <summary>The emitter ids of the current pipeline item (one, or several given at once).</summary>
        protected abstract string?[] EmitterIds { get; }

        /// <summary>The emitter whose events are being listed.</summary>
        private string? _emitterId;

        /// <summary>The id prefix the emitter id must have (dc_ or p_).</summary>
        protected abstract string EmitterPrefix { get; }

        /// <summary>The path of the event list for an emitter, e.g. sources/{id}/event_summaries.</summary>
        protected abstract PdRequest CreateEventRequest(string emitterId);

        /// <summary>Records on an event where it was listed from (SourceId or WorkflowId).</summary>
        protected abstract void Stamp(T item, string emitterId);

        protected override object? ErrorTarget => _emitterId;

        /// <summary>Each emitter's list in turn; -First, -Skip and -All apply to each one.</summary>
        protected override void ProcessPdRecord()
        {
            foreach (var id in EmitterIds)
            {
                _emitterId = id;
                if (!TryValidateId(EmitterParameterName, id, EmitterPrefix)) continue;
                try
                {
                    WriteList(CreateListRequest());
                }
                catch (PdApiException ex)
                {
                    // One emitter's failure (say a source that is gone) does not stop the others.
                    WriteApiError(ex, id);
                }
            }
        }

        protected override PdRequest CreateListRequest() =>
            CreateEventRequest(_emitterId!).WithQuery("expand", Expand.IsPresent ? "event" : null);

        protected override T? Prepare(T item)
        {
            Stamp(item, _emitterId!);
            return item;
        }
    }
}
