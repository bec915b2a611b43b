using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the event list cmdlets (Get-PdEvent, Get-PdWorkflowEvent, Get-PdWorkflowError):
    /// validates the emitter id (non-terminating for pipeline input), adds -Expand (expand=event,
    /// so events over 1 KB come whole) and stamps each event with the source or workflow it was
    /// listed from. Events come newest first; their ids are the page cursors. With -Wait the
    /// emitters are followed live instead (PdEventListCmdlet.Wait.cs and .Follow.cs).
    /// </summary>
    public abstract partial class PdEventListCmdlet<T> : PdListCmdlet<T> where T : Event
    {
        /// <summary>Ask for whole events (expand=event) instead of summaries cut at 1 KB.</summary>
        [Parameter(HelpMessage = "Return whole events (sends expand=event); without it events over 1 KB are cut and marked IsTruncated.")]
        public SwitchParameter Expand { get; set; }

        [Parameter(HelpMessage = PdThrottle.HelpMessage)]
        [ValidateRange(1, PdThrottle.Max)]
        public int ThrottleLimit { get; set; } = 1;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        /// <summary>The name of the emitter id parameter (SourceId or WorkflowId), for messages.</summary>
        private protected abstract string EmitterParameterName { get; }

        /// <summary>What an emitter is called in messages: source or workflow.</summary>
        private protected abstract string EmitterNoun { get; }

        /// <summary>The emitter ids of the current pipeline item (one, or several given at once).</summary>
        private protected abstract string?[] EmitterIds { get; }

        /// <summary>The emitter whose events are being listed.</summary>
        private string? _emitterId;

        /// <summary>The id prefix the emitter id must have (dc_ or p_).</summary>
        private protected abstract string EmitterPrefix { get; }

        /// <summary>The path of the event list for an emitter, e.g. sources/{id}/event_summaries.</summary>
        private protected abstract PdRequest CreateEventRequest(string emitterId);

        /// <summary>Records on an event where it was listed from (SourceId or WorkflowId).</summary>
        private protected abstract void Stamp(T item, string emitterId);

        /// <summary>Each emitter's list in turn; -First, -Skip and -All apply to each one. With -Wait each is kept to follow later.</summary>
        private protected override void ProcessPdRecord()
        {
            foreach (var id in EmitterIds)
            {
                if (!Check(EmitterParameterName, PdValidation.CheckId(id, EmitterPrefix), id)) continue;
                var emitterId = id!;
                if (Wait.IsPresent)
                {
                    AddFollowed(emitterId);
                    continue;
                }
                // One emitter's failure (say a source that is gone) is an error about it alone.
                DispatchList(CreateListRequest(emitterId), emitterId, () => _emitterId = emitterId);
            }
        }

        private protected override PdRequest CreateListRequest() => CreateListRequest(_emitterId!);

        private PdRequest CreateListRequest(string emitterId) =>
            CreateEventRequest(emitterId).WithQuery("expand", Expand.IsPresent ? "event" : null);

        private protected override void AddContext(T item) => Stamp(item, _emitterId!);
    }
}
