using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// Every event list of the API (a source's events, a workflow's emits and errors) pages the same way:
/// newest first, with event ids as cursors. Each family says only which log its route's id names.
/// </summary>
internal static class EventPages
{
    /// <summary>A page of the log that <paramref name="logOf"/> finds for the caller and the route's id.</summary>
    public static Task AnswerEventPage(this EmulatorState state, HttpContext ctx, Func<User, string, EventLog> logOf)
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

    /// <summary>The event id a parameter gives, null when it is absent; one that is not an event id is a 400.</summary>
    public static EventKey? Cursor(string? value, string param)
    {
        if (value is null) return null;
        if (!EventKey.TryParse(value, out var key)) throw new ApiException(400, $"{param} must be an event id like 1589486981597-0");
        return key;
    }
}
