using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PSPipedream.Emulator;

/// <summary>
/// The control API under /_emulator: no key, not logged, not faulted. <see cref="ControlGuard"/> has
/// already refused what a web page could send.
/// </summary>
internal sealed class ControlEndpoints(EmulatorState state, FaultStore faults, RequestLog log, bool exposeKeys)
{
    public const int MaxEmitCount = 10_000;
    public const int MaxSeedCount = 1_000_000;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/_emulator/reset", Reset);
        app.MapGet("/_emulator/users", ListUsers);
        app.MapPost("/_emulator/users", AddUser);
        app.MapPost("/_emulator/workflows", CreateWorkflow);
        app.MapPost("/_emulator/emit", Emit);
        app.MapPost("/_emulator/seed", Seed);
        app.MapGet("/_emulator/requests", ListRequests);
        app.MapDelete("/_emulator/requests", ClearRequests);
        app.MapPost("/_emulator/faults", AddFault);
        app.MapGet("/_emulator/faults", ListFaults);
        app.MapDelete("/_emulator/faults", ClearFaults);
    }

    private static async Task<JsonElement> BodyAsync(HttpContext ctx) =>
        await ApiMiddleware.ReadBodyAsync(ctx) ?? JsonOut.Parse("{}");

    private static string? Str(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ApiException(400, $"{name} must be a string"),
        } : null;

    private static Task NoContent(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task Reset(HttpContext ctx)
    {
        lock (state.Gate) state.Reset();
        faults.Clear();
        log.Clear();
        return NoContent(ctx);
    }

    private static void WriteUser(Utf8JsonWriter w, User u, bool withKey)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("username", u.Username);
        w.WriteString("email", u.Email);
        if (withKey) w.WriteString("api_key", u.ApiKey);
        w.WriteString("api_key_hint", KeyHint(u.ApiKey));
        w.WriteString("plan", u.Plan);
        w.WriteStartArray("orgs");
        foreach (var o in u.OrgIds) w.WriteStringValue(o);
        w.WriteEndArray();
        w.WriteStartArray("workflows");
        foreach (var wf in u.WorkflowIds) w.WriteStringValue(wf);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The last four characters of a key, as the module shows a key it holds.</summary>
    internal static string KeyHint(string key) => key.Length <= 4 ? "****" : "****" + key[^4..];

    /// <summary>
    /// Keys are listed only to whoever holds them already: a request that carries a user's key sees
    /// that user's key (a bad key is a 401), unless the emulator was started with --expose-keys true.
    /// Anything else on the machine (a web page reached by DNS rebinding, say) learns no key here.
    /// </summary>
    private Task ListUsers(HttpContext ctx)
    {
        User? caller = ctx.Request.Headers.Authorization.Count > 0 ? ApiMiddleware.Authenticate(ctx, state) : null;
        byte[] body;
        lock (state.Gate)
            body = JsonOut.Build(w => Writers.Data(w, x =>
            {
                x.WriteStartArray();
                foreach (var u in state.Users) WriteUser(x, u, exposeKeys || ReferenceEquals(u, caller));
                x.WriteEndArray();
            }));
        return JsonOut.WriteAsync(ctx, 200, body);
    }

    private async Task AddUser(HttpContext ctx)
    {
        var body = await BodyAsync(ctx);
        EmulatorUser spec;
        try
        {
            spec = body.Deserialize<EmulatorUser>(JsonOut.SerializerOptions) ?? new EmulatorUser();
        }
        catch (JsonException e)
        {
            throw new ApiException(400, "not a user: " + e.Message);
        }
        byte[] answer;
        lock (state.Gate)
        {
            var user = state.AddUser(spec);
            // The caller made this user (and may not know a key it did not choose), so it gets the key.
            answer = JsonOut.Build(w => Writers.Data(w, x => WriteUser(x, user, withKey: true)));
        }
        await JsonOut.WriteAsync(ctx, 201, answer);
    }

    /// <summary>The owner named by owner_id (a user or org id), default the first user.</summary>
    private string Owner(JsonElement body)
    {
        string? owner = Str(body, "owner_id");
        if (string.IsNullOrWhiteSpace(owner)) return state.Users[0].Id;
        if (state.UserById(owner) is null && state.OrgById(owner) is null)
            throw new ApiException(404, $"no user or org {owner}");
        return owner;
    }

    private async Task CreateWorkflow(HttpContext ctx)
    {
        var body = await BodyAsync(ctx);
        byte[] answer;
        lock (state.Gate)
        {
            var wf = state.CreateWorkflow(Owner(body), Str(body, "id"));
            answer = JsonOut.Build(w => Writers.Data(w, x =>
            {
                x.WriteStartObject();
                x.WriteString("id", wf.Id);
                x.WriteString("owner_id", wf.OwnerId);
                x.WriteNumber("created_at", wf.CreatedAt);
                x.WriteEndObject();
            }));
        }
        await JsonOut.WriteAsync(ctx, 201, answer);
    }

    private sealed record Outcome(string ListenerId, string EventId, string Status, int? HttpStatus);

    private sealed record PendingPost(string ListenerId, string EventId, string Url, byte[] Json, string EmitterId);

    private async Task Emit(HttpContext ctx)
    {
        var body = await BodyAsync(ctx);
        string emitter = Str(body, "emitter_id")?.Trim() ?? throw new ApiException(400, "emitter_id is required");
        string name = Str(body, "name") ?? Str(body, "event_name") ?? "";
        int count = BodyFields.Int(body, "count") ?? 1;
        if (count is < 1 or > MaxEmitCount) throw new ApiException(400, $"count must be from 1 to {MaxEmitCount}");
        byte[] json = body.TryGetProperty("event", out var ev) && ev.ValueKind != JsonValueKind.Undefined
            ? JsonOut.Build(w => ev.WriteTo(w))
            : "{}"u8.ToArray();

        var ids = new List<string>(count);
        var outcomes = new List<Outcome>();
        var posts = new List<PendingPost>();
        lock (state.Gate)
        {
            EventLog target;
            string owner;
            if (emitter.StartsWith("dc_", StringComparison.Ordinal))
            {
                var source = state.SourceById(emitter) ?? throw new ApiException(404, $"source {emitter} not found");
                target = source.Events;
                owner = source.OwnerId;
            }
            else if (emitter.StartsWith("p_", StringComparison.Ordinal))
            {
                var wf = state.WorkflowById(emitter) ?? throw new ApiException(404, $"workflow {emitter} not found");
                target = name == "$errors" ? wf.Errors : wf.Emits;
                owner = wf.OwnerId;
            }
            else
            {
                throw new ApiException(400, "emitter_id must be a source (dc_...) or workflow (p_...) id");
            }

            var subscribers = state.SubscribersOf(emitter, owner, name);
            for (int i = 0; i < count; i++)
            {
                var e = state.AddEvent(target, json, name, emitter);
                ids.Add(e.Id);
                foreach (var sub in subscribers)
                {
                    string listener = sub.ListenerId;
                    if (listener == emitter) continue;
                    if (listener.StartsWith("dc_", StringComparison.Ordinal))
                    {
                        var to = state.SourceById(listener);
                        if (to is null) { outcomes.Add(new(listener, e.Id, "failed", null)); continue; }
                        state.AddEvent(to.Events, json, name, emitter);
                        outcomes.Add(new(listener, e.Id, "delivered", null));
                    }
                    else if (listener.StartsWith("p_", StringComparison.Ordinal))
                    {
                        var to = state.WorkflowById(listener);
                        if (to is null) { outcomes.Add(new(listener, e.Id, "failed", null)); continue; }
                        to.Received++;
                        outcomes.Add(new(listener, e.Id, "delivered", null));
                    }
                    else if (listener.StartsWith("wh_", StringComparison.Ordinal))
                    {
                        var hook = state.WebhookById(listener);
                        if (hook is null) outcomes.Add(new(listener, e.Id, "failed", null));
                        else if (!Delivery.IsLoopback(hook.Url)) outcomes.Add(new(listener, e.Id, "skipped", null));
                        else posts.Add(new PendingPost(listener, e.Id, hook.Url, json, emitter));
                    }
                }
            }
        }

        foreach (var p in posts)
        {
            int? status = await Delivery.PostAsync(p.Url, p.Json, p.EmitterId, p.EventId, ctx.RequestAborted);
            outcomes.Add(new(p.ListenerId, p.EventId, status is >= 200 and < 300 ? "delivered" : "failed", status));
        }

        byte[] answer = JsonOut.Build(w => Writers.Data(w, x =>
        {
            x.WriteStartObject();
            x.WriteStartArray("ids");
            foreach (var id in ids) x.WriteStringValue(id);
            x.WriteEndArray();
            x.WriteStartArray("deliveries");
            foreach (var o in outcomes)
            {
                x.WriteStartObject();
                x.WriteString("listener_id", o.ListenerId);
                x.WriteString("event_id", o.EventId);
                x.WriteString("status", o.Status);
                if (o.HttpStatus is int s) x.WriteNumber("http_status", s); else x.WriteNull("http_status");
                x.WriteEndObject();
            }
            x.WriteEndArray();
            x.WriteEndObject();
        }));
        await JsonOut.WriteAsync(ctx, 201, answer);
    }

    private async Task Seed(HttpContext ctx)
    {
        var body = await BodyAsync(ctx);
        int count = BodyFields.Int(body, "count") ?? 1;
        if (count is < 1 or > MaxSeedCount) throw new ApiException(400, $"count must be from 1 to {MaxSeedCount}");
        string prefix = Str(body, "name_prefix") ?? "seed-";
        byte[] answer;
        lock (state.Gate)
        {
            string owner = Owner(body);
            var user = state.UserById(owner)
                ?? state.Users.FirstOrDefault(u => u.OrgIds.Contains(owner))
                ?? state.Users[0];
            var component = state.Registry("http-new-requests")!;
            string? first = null, last = null;
            for (int i = 1; i <= count; i++)
            {
                var props = JsonOut.ToElement(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("http");
                    w.WriteString("endpoint_url", $"https://en{i:x6}.m.pipedream.net");
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
                var s = state.CreateSource(user, owner, component, props, prefix + i.ToString(CultureInfo.InvariantCulture), true);
                first ??= s.Id;
                last = s.Id;
            }
            answer = JsonOut.Build(w => Writers.Data(w, x =>
            {
                x.WriteStartObject();
                x.WriteNumber("count", count);
                x.WriteStartArray("ids");
                x.WriteStringValue(first);
                x.WriteStringValue(last);
                x.WriteEndArray();
                x.WriteEndObject();
            }));
        }
        await JsonOut.WriteAsync(ctx, 201, answer);
    }

    private Task ListRequests(HttpContext ctx)
    {
        long since = 0, limit = long.MaxValue;
        if (ctx.Request.Query.TryGetValue("since", out var s) && !long.TryParse(s.ToString(), CultureInfo.InvariantCulture, out since))
            throw new ApiException(400, "since must be a sequence number");
        if (ctx.Request.Query.TryGetValue("limit", out var l) && !(long.TryParse(l.ToString(), CultureInfo.InvariantCulture, out limit) && limit >= 1))
            throw new ApiException(400, "limit must be a whole number of at least 1");
        return RequestLog.WriteAsync(ctx, log.List(since, limit));
    }

    private Task ClearRequests(HttpContext ctx)
    {
        log.Clear();
        return NoContent(ctx);
    }

    private async Task AddFault(HttpContext ctx)
    {
        var body = await BodyAsync(ctx);
        var fault = faults.Add(body);
        await JsonOut.WriteAsync(ctx, 201, JsonOut.Build(w => Writers.Data(w, fault.Write)));
    }

    private Task ListFaults(HttpContext ctx) => JsonOut.WriteAsync(ctx, 200, faults.List());

    private Task ClearFaults(HttpContext ctx)
    {
        faults.Clear();
        return NoContent(ctx);
    }
}
