using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Gets the events of a source (GET /sources/{id}/event_summaries), newest first.
    /// Takes the source from the pipeline: <c>Get-PdSource | Get-PdEvent</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdEvent", SupportsPaging = true)]
    [OutputType(typeof(Event))]
    public sealed class GetPdEventCommand : PdEventListCmdlet<Event>
    {
        /// <summary>The sources whose events to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The sources (dc_...) whose events to list, one after the other. -First, -Skip and -All apply to each source.")]
        [Alias("Id")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[] SourceId { get; set; } = System.Array.Empty<string>();

        private protected override string EmitterNoun => "source";

        private protected override string EmitterParameterName => nameof(SourceId);

        private protected override string?[] EmitterIds => SourceId;

        private protected override string EmitterPrefix => "dc_";

        private protected override PdRequest CreateEventRequest(string emitterId) =>
            PdRequest.Get("sources", emitterId, "event_summaries");

        private protected override void Stamp(Event item, string emitterId) => item.SourceId = emitterId;
    }
}
