using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>The event lists of sources and workflows, and deleting a source's events.</summary>
internal sealed class EventRoutes(EmulatorState state)
{
    /// <summary>GET /v1/sources/{id}/event_summaries</summary>
    public Task OfSource(HttpContext ctx) => List(ctx, (user, id) => state.RequireSource(user, id).Events);

    /// <summary>GET /v1/workflows/{id}/event_summaries</summary>
    public Task OfWorkflow(HttpContext ctx) => List(ctx, (user, id) => state.RequireWorkflow(user, id).Emits);

    /// <summary>GET /v1/workflows/{id}/$errors/event_summaries</summary>
    public Task ErrorsOfWorkflow(HttpContext ctx) => List(ctx, (user, id) => state.RequireWorkflow(user, id).Errors);

    /// <summary>DELETE /v1/sources/{id}/events: from start_id to end_id inclusive, either end open.</summary>
    public Task DeleteOfSource(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        var start = Cursor(req.Param("start_id") is { Length: > 0 } s ? s : null, "start_id");
        var end = Cursor(req.Param("end_id") is { Length: > 0 } e ? e : null, "end_id");
        return state.AnswerEmpty(ctx, () => state.RequireSource(req.User, id).Events.RemoveRange(start, end), StatusCodes.Status202Accepted);
    }

    /// <summary>A page of the log that <paramref name="logOf"/> finds for the caller and the route's id, newest first.</summary>
    private Task List(HttpContext ctx, Func<User, string, EventLog> logOf)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        int limit = req.Limit;
        var after = Cursor(req.After, "after");
        var before = Cursor(req.Before, "before");
        bool expand = req.Expand("event");
        return state.Answer(ctx, () =>
        {
            var events = logOf(req.User, id);
            var (start, end) = events.Page(limit, after, before);
            return (events, start, end);
        }, (w, page, f) => EventJson.WritePage(w, page.events, page.start, page.end, f, expand));
    }

    private static EventKey? Cursor(string? value, string param)
    {
        if (value is null) return null;
        if (!EventKey.TryParse(value, out var key)) throw new ApiException(400, $"{param} must be an event id like 1589486981597-0");
        return key;
    }
}
