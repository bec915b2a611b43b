using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>A source's events: listing them and deleting them.</summary>
internal sealed class EventRoutes(EmulatorState state)
{
    /// <summary>GET /v1/sources/{id}/event_summaries</summary>
    public Task OfSource(HttpContext ctx) => state.AnswerEventPage(ctx, (user, id) => state.RequireSource(user, id).Events);

    /// <summary>DELETE /v1/sources/{id}/events: from start_id to end_id inclusive, either end open.</summary>
    public Task DeleteOfSource(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        var start = EventPages.Cursor(req.Param("start_id") is { Length: > 0 } s ? s : null, "start_id");
        var end = EventPages.Cursor(req.Param("end_id") is { Length: > 0 } e ? e : null, "end_id");
        return state.AnswerEmpty(ctx, () => state.RequireSource(req.User, id).Events.RemoveRange(start, end), StatusCodes.Status202Accepted);
    }
}
