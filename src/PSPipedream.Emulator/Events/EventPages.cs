using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// Every event list of the API (a source's events, a workflow's emits and errors) pages the same way:
/// newest first, with event ids as cursors. Each family says only which log its route's id names.
/// </summary>
internal static class EventPages
{
    /// <summary>The log a route's id names, and whether its errors answer in the top-level shape (<see cref="ErrorShape"/>).</summary>
    public readonly record struct Listed(EventLog Log, bool LiftError = false)
    {
        public static implicit operator Listed(EventLog log) => new(log);
    }

    /// <summary>A page of the log that <paramref name="logOf"/> finds for the caller and the route's id.</summary>
    public static Task AnswerEventPage(this EmulatorState state, HttpContext ctx, Func<User, string, Listed> logOf)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        int limit = req.Limit;
        var after = Cursor(req.After, "after");
        var before = Cursor(req.Before, "before");
        bool expand = req.Expand("event");
        return state.Answer(ctx, () =>
        {
            var listed = logOf(req.User, id);
            var (start, end) = listed.Log.Page(limit, after, before);
            return (listed, start, end);
        }, (w, page, f) => EventJson.WritePage(w, page.listed.Log, page.start, page.end, f, expand, page.listed.LiftError));
    }

    /// <summary>The event id a parameter gives, null when it is absent; one that is not an event id is a 400.</summary>
    public static EventKey? Cursor(string? value, string param)
    {
        if (value is null) return null;
        if (!EventKey.TryParse(value, out var key)) throw new ApiException(400, $"{param} must be an event id like 1589486981597-0");
        return key;
    }
}
