using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Gets the errors of a workflow's runs (GET /workflows/{id}/$errors/event_summaries), newest
    /// first: each with the original event, its context and the error (code, step, time, stack).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdWorkflowError", SupportsPaging = true)]
    [OutputType(typeof(WorkflowError))]
    public sealed class GetPdWorkflowErrorCommand : PdEventListCmdlet<WorkflowError>
    {
        /// <summary>The workflow whose errors to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The workflow (p_...) whose errors to list.")]
        [Alias("Id")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string WorkflowId { get; set; } = string.Empty;

        private protected override string EmitterNoun => "workflow";

        private protected override string EmitterParameterName => nameof(WorkflowId);

        private protected override string?[] EmitterIds => new[] { WorkflowId };

        private protected override string EmitterPrefix => "p_";

        private protected override PdRequest CreateEventRequest(string emitterId) =>
            PdRequest.Get("workflows", emitterId, "$errors", "event_summaries");

        private protected override void Stamp(WorkflowError item, string emitterId) => item.WorkflowId = emitterId;
    }
}
