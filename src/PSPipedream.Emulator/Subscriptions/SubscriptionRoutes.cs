using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

internal sealed class SubscriptionRoutes(EmulatorState state)
{
    /// <summary>
    /// GET /v1/users/me/subscriptions, GET /v1/orgs/{orgId}/subscriptions. The reference lists "all the
    /// subscriptions" (its example has no page_info): without a limit the whole list comes back in one
    /// page; limit, after and before still page it.
    /// </summary>
    public OwnerList<Subscription> List { get; } = new(state, static i => i.Subscriptions, SubscriptionJson.Write, int.MaxValue);

    /// <summary>POST /v1/subscriptions: the same subscription again is answered with the one that exists.</summary>
    public Task Create(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string emitter = Required(req, "emitter_id");
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        CheckEmitterShape(emitter);
        CheckListenerShape(listener);
        return state.AnswerData(ctx, () =>
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            if (!state.EndpointExists(req.User, emitter)) throw new ApiException(404, $"emitter {emitter} not found");
            if (!state.EndpointExists(req.User, listener)) throw new ApiException(404, $"listener {listener} not found");
            return state.Subscribe(owner, emitter, listener, eventName);
        }, SubscriptionJson.Write);
    }

    /// <summary>DELETE /v1/subscriptions: named by emitter, listener and event name.</summary>
    public Task Delete(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string emitter = Required(req, "emitter_id");
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        return state.AnswerEmpty(ctx, () => state.RemoveSubscription(
            state.FindSubscription(req.User, emitter, listener, eventName)
            ?? throw new ApiException(404, $"no subscription of {listener} to {emitter} with event_name '{eventName}'")),
            StatusCodes.Status204NoContent);
    }

    /// <summary>POST /v1/auto_subscriptions</summary>
    public Task CreateAuto(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        CheckListenerShape(listener);
        return state.AnswerData(ctx, () =>
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            if (!state.EndpointExists(req.User, listener)) throw new ApiException(404, $"listener {listener} not found");
            return state.AutoSubscribe(owner, eventName, listener);
        }, SubscriptionJson.WriteAuto);
    }

    private static string Required(ApiRequest req, string name) =>
        req.Param(name) is { Length: > 0 } v ? v.Trim() : throw new ApiException(400, $"{name} is required");

    private static void CheckEmitterShape(string id)
    {
        if (id is "p_*" or "dc_*") return;
        if (!(id.StartsWith("dc_", StringComparison.Ordinal) || id.StartsWith("p_", StringComparison.Ordinal)) || id.Contains('*'))
            throw new ApiException(400, "emitter_id must be a source (dc_...) or workflow (p_...) id, or p_* / dc_*");
    }

    private static void CheckListenerShape(string id)
    {
        if (!(id.StartsWith("dc_", StringComparison.Ordinal) || id.StartsWith("p_", StringComparison.Ordinal)
              || id.StartsWith("wh_", StringComparison.Ordinal)) || id.Contains('*'))
            throw new ApiException(400, "listener_id must be a source (dc_...), workflow (p_...) or webhook (wh_...) id");
    }

    private static string EventName(ApiRequest req)
    {
        string name = req.Param("event_name")?.Trim() ?? "";
        if (name.Length > 128) throw new ApiException(400, "event_name is too long");
        return name;
    }
}
