using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Gets the events a workflow emitted (GET /workflows/{id}/event_summaries), newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "PdWorkflowEvent", SupportsPaging = true)]
    [OutputType(typeof(Event))]
    public sealed class GetPdWorkflowEventCommand : PdEventListCmdlet<Event>
    {
        /// <summary>The workflow whose emitted events to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The workflow (p_...) whose emitted events to list.")]
        [Alias("Id")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string WorkflowId { get; set; } = string.Empty;

        private protected override string EmitterNoun => "workflow";

        private protected override string EmitterParameterName => nameof(WorkflowId);

        private protected override string?[] EmitterIds => new[] { WorkflowId };

        private protected override string EmitterPrefix => "p_";

        private protected override PdRequest CreateEventRequest(string emitterId) =>
            PdRequest.Get("workflows", emitterId, "event_summaries");

        private protected override void Stamp(Event item, string emitterId) => item.WorkflowId = emitterId;
    }
}
