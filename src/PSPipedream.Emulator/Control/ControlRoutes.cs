using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// The control API under /_emulator: no key, not logged, not faulted. <see cref="ControlGuard"/> has
/// already refused what a web page could send.
/// </summary>
internal sealed class ControlRoutes(EmulatorState state, FaultStore faults, RequestLog log, SteadyEmits steady, EmulatorReset reset, bool exposeKeys)
{
    public const int MaxEmitCount = EmitSpec.MaxCount;
    public const int MaxSeedCount = 1_000_000;

    /// <summary>POST /_emulator/reset: the state, the faults, the request log, and any steady emitting.</summary>
    public Task Reset(HttpContext ctx)
    {
        reset.Run();
        return NoContent(ctx);
    }

    /// <summary>
    /// GET /_emulator/users. Keys are listed only to whoever holds them already: a request that carries a
    /// user's key sees that user's key (a bad key is a 401), unless the emulator was started with
    /// --expose-keys true. Anything else on the machine (a web page reached by DNS rebinding, say) learns no key here.
    /// </summary>
    public Task ListUsers(HttpContext ctx)
    {
        User? caller = ctx.Request.Headers.Authorization.Count > 0 ? Authentication.Caller(ctx, state) : null;
        return state.AnswerData(ctx, () => state.Users, (w, users, _) =>
        {
            w.WriteStartArray();
            foreach (var u in users) UserJson.WriteForControl(w, u, exposeKeys || ReferenceEquals(u, caller));
            w.WriteEndArray();
        });
    }

    /// <summary>POST /_emulator/users. The caller made this user (and may not know a key it did not choose), so it gets the key.</summary>
    public async Task AddUser(HttpContext ctx)
    {
        var body = await ControlBody.ReadAsync(ctx);
        EmulatorUser spec;
        try
        {
            spec = body.Deserialize<EmulatorUser>(JsonOut.SerializerOptions) ?? new EmulatorUser();
        }
        catch (JsonException e)
        {
            throw new ApiException(400, "not a user: " + e.Message);
        }
        await state.AnswerData(ctx, () => state.AddUser(spec), (w, user, _) => UserJson.WriteForControl(w, user, withKey: true), 201);
    }

    /// <summary>POST /_emulator/workflows (errors_shape: event, the default, or top_level)</summary>
    public async Task CreateWorkflow(HttpContext ctx)
    {
        var body = await ControlBody.ReadAsync(ctx);
        bool topLevel = ErrorShape.IsTopLevel(ControlBody.String(body, "errors_shape"));
        await state.AnswerData(ctx, () =>
        {
            var wf = state.CreateWorkflow(Owner(body), ControlBody.String(body, "id"));
            wf.ErrorsAtTopLevel = topLevel;
            return wf;
        }, (w, wf, _) => WorkflowJson.WriteForControl(w, wf), 201);
    }

    /// <summary>
    /// POST /_emulator/emit. The answer waits for the webhook POSTs, which are made after the lock is
    /// released, so it is written from the emission rather than from the state. With every_seconds the
    /// emitting is scheduled in the background and the answer (202) says what was scheduled.
    /// </summary>
    public async Task Emit(HttpContext ctx)
    {
        var spec = EmitSpec.Read(await ControlBody.ReadAsync(ctx));
        if (spec.EverySeconds is not null)
        {
            var schedule = steady.Start(spec);
            await JsonOut.WriteAsync(ctx, 202, w => Envelope.Data(w, schedule.Write));
            return;
        }
        var emission = state.Locked(() => state.Emit(spec.EmitterId, spec.Name, spec.Json, spec.Count, spec.AtMs));
        await emission.DeliverAsync(ctx.RequestAborted);
        await JsonOut.WriteAsync(ctx, 201, w => Envelope.Data(w, emission.Write));
    }

    /// <summary>POST /_emulator/seed: many sources at once.</summary>
    public async Task Seed(HttpContext ctx)
    {
        var body = await ControlBody.ReadAsync(ctx);
        int count = ControlBody.Int(body, "count") ?? 1;
        if (count is < 1 or > MaxSeedCount) throw new ApiException(400, $"count must be from 1 to {MaxSeedCount}");
        string prefix = ControlBody.String(body, "name_prefix") ?? "seed-";
        long? createdAt = ControlBody.PastTime(body, "created_at") / 1000;
        await state.AnswerData(ctx, () => state.SeedSources(Owner(body), count, prefix, createdAt), (w, ids, _) =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            w.WriteStartArray("ids");
            w.WriteStringValue(ids.First);
            w.WriteStringValue(ids.Last);
            w.WriteEndArray();
            w.WriteEndObject();
        }, 201);
    }

    /// <summary>The owner named by owner_id (a user or org id), default the first user. Read under the lock.</summary>
    private string Owner(JsonElement body)
    {
        string? owner = ControlBody.String(body, "owner_id");
        if (string.IsNullOrWhiteSpace(owner)) return state.Users[0].Id;
        if (state.UserById(owner) is null && state.OrgById(owner) is null)
            throw new ApiException(404, $"no user or org {owner}");
        return owner;
    }

    /// <summary>GET /_emulator/requests?since=&amp;limit=</summary>
    public Task ListRequests(HttpContext ctx)
    {
        long since = 0, limit = long.MaxValue;
        if (ctx.Request.Query.TryGetValue("since", out var s) && !long.TryParse(s.ToString(), CultureInfo.InvariantCulture, out since))
            throw new ApiException(400, "since must be a sequence number");
        if (ctx.Request.Query.TryGetValue("limit", out var l) && !(long.TryParse(l.ToString(), CultureInfo.InvariantCulture, out limit) && limit >= 1))
            throw new ApiException(400, "limit must be a whole number of at least 1");
        return RequestLog.WriteAsync(ctx, log.List(since, limit));
    }

    /// <summary>DELETE /_emulator/requests</summary>
    public Task ClearRequests(HttpContext ctx)
    {
        log.Clear();
        return NoContent(ctx);
    }

    /// <summary>POST /_emulator/faults</summary>
    public async Task AddFault(HttpContext ctx)
    {
        var body = await ControlBody.ReadAsync(ctx);
        var fault = faults.Add(body);
        await JsonOut.WriteAsync(ctx, 201, w => Envelope.Data(w, fault.Write));
    }

    /// <summary>GET /_emulator/faults</summary>
    public Task ListFaults(HttpContext ctx) => JsonOut.WriteAsync(ctx, 200, faults.List());

    /// <summary>DELETE /_emulator/faults</summary>
    public Task ClearFaults(HttpContext ctx)
    {
        faults.Clear();
        return NoContent(ctx);
    }

    private static Task NoContent(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
