using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// A workflow's event lists: what it emitted and its errors. The API has no route that makes a workflow;
/// tests make one through the control API (<see cref="ControlRoutes.CreateWorkflow"/>) or declare it with a user.
/// </summary>
internal sealed class WorkflowRoutes(EmulatorState state)
{
    /// <summary>GET /v1/workflows/{id}/event_summaries</summary>
    public Task Emits(HttpContext ctx) => state.AnswerEventPage(ctx, (user, id) => state.RequireWorkflow(user, id).Emits);

    /// <summary>GET /v1/workflows/{id}/$errors/event_summaries</summary>
    public Task Errors(HttpContext ctx) => state.AnswerEventPage(ctx, (user, id) =>
    {
        var wf = state.RequireWorkflow(user, id);
        return new EventPages.Listed(wf.Errors, wf.ErrorsAtTopLevel);
    });
}
