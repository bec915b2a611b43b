using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PSPipedream.Emulator;

/// <summary>The Pipedream REST API v1 routes.</summary>
internal sealed class ApiEndpoints(EmulatorState state)
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public void Map(IEndpointRouteBuilder app)
    {
        // HEAD is answered wherever GET is, with the same status and headers and no body.
        void MapGet(string pattern, RequestDelegate handler) => app.MapMethods(pattern, GetAndHead, handler);

        MapGet("/v1/users/me", UsersMe);
        MapGet("/v1/users/me/sources", ListUserSources);
        MapGet("/v1/users/me/subscriptions", ListUserSubscriptions);
        MapGet("/v1/users/me/webhooks", ListUserWebhooks);
        MapGet("/v1/orgs/{orgId}/sources", ListOrgSources);
        MapGet("/v1/orgs/{orgId}/subscriptions", ListOrgSubscriptions);
        app.MapPost("/v1/components", CreateComponent);
        MapGet("/v1/components/registry/{key}", GetRegistryComponent);
        MapGet("/v1/components/{keyOrId}", GetComponent);
        app.MapPost("/v1/sources", CreateSource);
        app.MapPut("/v1/sources/{id}", UpdateSource);
        app.MapDelete("/v1/sources/{id}", DeleteSource);
        MapGet("/v1/sources/{id}/event_summaries", SourceEvents);
        app.MapDelete("/v1/sources/{id}/events", DeleteSourceEvents);
        app.MapPost("/v1/subscriptions", CreateSubscription);
        app.MapDelete("/v1/subscriptions", DeleteSubscription);
        app.MapPost("/v1/auto_subscriptions", CreateAutoSubscription);
        app.MapPost("/v1/webhooks", CreateWebhook);
        app.MapDelete("/v1/webhooks/{id}", DeleteWebhook);
        MapGet("/v1/workflows/{id}/event_summaries", WorkflowEvents);
        MapGet("/v1/workflows/{id}/$errors/event_summaries", WorkflowErrors);
    }

    private static string RouteValue(HttpContext ctx, string name) =>
        ctx.Request.RouteValues[name] as string ?? "";

    private static Task Ok(HttpContext ctx, byte[] body) => JsonOut.WriteAsync(ctx, 200, body);

    // ------------------------------------------------------------------ users

    private Task UsersMe(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.User(x, req.User, state.OrgById, f)));
        return Ok(ctx, body);
    }

    // ------------------------------------------------------------------ lists

    private Task ListUserSources(HttpContext ctx) => ListSources(ctx, ApiRequest.Of(ctx).User.Id);

    private Task ListOrgSources(HttpContext ctx) => ListSources(ctx, ReadableOrg(ctx));

    /// <summary>The org of an <c>/orgs/{orgId}/...</c> route, once the caller may read it.</summary>
    private string ReadableOrg(HttpContext ctx)
    {
        string org = RouteValue(ctx, "orgId");
        lock (state.Gate) state.CheckOrgReadable(ApiRequest.Of(ctx).User, org);
        return org;
    }

    private Task ListSources(HttpContext ctx, string ownerId) =>
        ListOwned(ctx, ownerId, static i => i.Sources, Writers.Source);

    private Task ListUserWebhooks(HttpContext ctx) =>
        ListOwned(ctx, ApiRequest.Of(ctx).User.Id, static i => i.Webhooks, Writers.Webhook);

    // The reference lists "all the subscriptions" (its example has no page_info): without a limit
    // the whole list comes back in one page; limit, after and before still page it.
    private Task ListUserSubscriptions(HttpContext ctx) =>
        ListOwned(ctx, ApiRequest.Of(ctx).User.Id, static i => i.Subscriptions, Writers.Subscription, int.MaxValue);

    private Task ListOrgSubscriptions(HttpContext ctx) =>
        ListOwned(ctx, ReadableOrg(ctx), static i => i.Subscriptions, Writers.Subscription, int.MaxValue);

    private Task ListOwned<T>(HttpContext ctx, string ownerId, Func<OwnerIndex, SortedItems<T>> pick,
        Action<Utf8JsonWriter, T, FieldFilter> write, int defaultLimit = ApiRequest.DefaultLimit) where T : class, IListed
    {
        var req = ApiRequest.Of(ctx);
        int limit = req.LimitOr(defaultLimit);
        string? after = req.After, before = req.Before;
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            long? afterSeq = after is null ? null : state.CursorSeq(after, "after");
            long? beforeSeq = before is null ? null : state.CursorSeq(before, "before");
            bool unknownCursor = (after is not null && afterSeq is null) || (before is not null && beforeSeq is null);
            var items = state.OwnerIfAny(ownerId) is OwnerIndex index ? pick(index) : null;
            var (start, end) = items is null || unknownCursor ? (0, 0) : items.Page(limit, afterSeq, beforeSeq);
            body = JsonOut.Build(w => Writers.Page(w, items, start, end, f, write));
        }
        return Ok(ctx, body);
    }

    // ------------------------------------------------------------------ components

    private Task CreateComponent(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string? code = req.Param("component_code");
        string? url = req.Param("component_url");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            var c = state.CreateComponent(owner, code, url);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Component(x, c, f)));
        }
        return Ok(ctx, body);
    }

    private Task GetComponent(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string keyOrId = RouteValue(ctx, "keyOrId");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            var c = state.FindComponent(req.User, keyOrId) ?? throw new ApiException(404, $"component {keyOrId} not found");
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Component(x, c, f)));
        }
        return Ok(ctx, body);
    }

    private Task GetRegistryComponent(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string key = RouteValue(ctx, "key");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            var c = state.Registry(key) ?? throw new ApiException(404, $"component {key} not found in the registry");
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Component(x, c, f)));
        }
        return Ok(ctx, body);
    }

    // ------------------------------------------------------------------ sources

    /// <summary>The component a create or update names: component_id, component_key, component_code or component_url.</summary>
    private Component? ResolveComponent(ApiRequest req, string ownerId)
    {
        string? id = req.Param("component_id");
        string? key = req.Param("component_key");
        string? code = req.Param("component_code");
        string? url = req.Param("component_url");
        if (!string.IsNullOrWhiteSpace(id))
            return state.FindComponent(req.User, id.Trim()) ?? throw new ApiException(404, $"component {id} not found");
        if (!string.IsNullOrWhiteSpace(key))
            return state.FindComponent(req.User, key.Trim()) ?? throw new ApiException(404, $"component {key} not found");
        if (!string.IsNullOrWhiteSpace(code) || !string.IsNullOrWhiteSpace(url))
            return state.CreateComponent(ownerId, code, url);
        return null;
    }

    private JsonElement? ReadProps(ApiRequest req)
    {
        var raw = req.BodyProperty("configured_props");
        if (raw is null && req.Param("configured_props") is { Length: > 0 } text)
        {
            try
            {
                raw = JsonOut.Parse(text);
            }
            catch (JsonException)
            {
                throw new ApiException(400, "configured_props must be a JSON object");
            }
        }
        return raw is JsonElement e ? Props.Normalise(e) : null;
    }

    private static string? ReadName(ApiRequest req)
    {
        if (req.BodyProperty("name") is JsonElement n && n.ValueKind != JsonValueKind.String)
            throw new ApiException(400, "name must be a string");
        return req.Param("name");
    }

    private Task CreateSource(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        var props = ReadProps(req) ?? JsonOut.Parse("{}");
        string? name = ReadName(req);
        bool active = req.Bool("active") ?? true;
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            var component = ResolveComponent(req, owner)
                ?? throw new ApiException(400, "one of component_id, component_key, component_code or component_url is required");
            var source = state.CreateSource(req.User, owner, component, props, name, active);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Source(x, source, f)));
        }
        return Ok(ctx, body);
    }

    private Task UpdateSource(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        var props = ReadProps(req);
        string? name = ReadName(req);
        bool? active = req.Bool("active");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            var source = state.SourceFor(req.User, id) ?? throw new ApiException(404, $"source {id} not found");
            var component = ResolveComponent(req, source.OwnerId);
            if (component is not null) source.ComponentId = component.Id;
            if (props is JsonElement p) source.ConfiguredProps = p;
            if (active is bool a) source.Active = a;
            if (!string.IsNullOrWhiteSpace(name))
            {
                source.Name = name.Trim();
                source.NameSlug = Ids.SlugOr(source.Name, source.Id);
            }
            source.UpdatedAt = Math.Max(Clock.NowSeconds(), source.UpdatedAt);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Source(x, source, f)));
        }
        return Ok(ctx, body);
    }

    private Task DeleteSource(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        lock (state.Gate)
        {
            var source = state.SourceFor(req.User, id) ?? throw new ApiException(404, $"source {id} not found");
            state.DeleteSource(source);
        }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    // ------------------------------------------------------------------ events

    private Task SourceEvents(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        return EventList(ctx, req, () =>
            state.SourceFor(req.User, id)?.Events ?? throw new ApiException(404, $"source {id} not found"));
    }

    private Task WorkflowEvents(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        return EventList(ctx, req, () =>
            state.WorkflowFor(req.User, id)?.Emits ?? throw new ApiException(404, $"workflow {id} not found"));
    }

    private Task WorkflowErrors(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        return EventList(ctx, req, () =>
            state.WorkflowFor(req.User, id)?.Errors ?? throw new ApiException(404, $"workflow {id} not found"));
    }

    private static EventKey? EventCursor(string? value, string param)
    {
        if (value is null) return null;
        if (!EventKey.TryParse(value, out var key)) throw new ApiException(400, $"{param} must be an event id like 1589486981597-0");
        return key;
    }

    private Task EventList(HttpContext ctx, ApiRequest req, Func<EventLog> log)
    {
        int limit = req.Limit;
        var after = EventCursor(req.After, "after");
        var before = EventCursor(req.Before, "before");
        bool expand = req.Expand("event");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            var events = log();
            var (start, end) = events.Page(limit, after, before);
            body = JsonOut.Build(w => Writers.EventPage(w, events, start, end, f, expand));
        }
        return Ok(ctx, body);
    }

    private Task DeleteSourceEvents(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        var start = EventCursor(req.Param("start_id") is { Length: > 0 } s ? s : null, "start_id");
        var end = EventCursor(req.Param("end_id") is { Length: > 0 } e ? e : null, "end_id");
        lock (state.Gate)
        {
            var source = state.SourceFor(req.User, id) ?? throw new ApiException(404, $"source {id} not found");
            source.Events.RemoveRange(start, end);
        }
        ctx.Response.StatusCode = 202;
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    // ------------------------------------------------------------------ subscriptions

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

    private Task CreateSubscription(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string emitter = Required(req, "emitter_id");
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        CheckEmitterShape(emitter);
        CheckListenerShape(listener);
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            if (!state.EndpointExists(req.User, emitter)) throw new ApiException(404, $"emitter {emitter} not found");
            if (!state.EndpointExists(req.User, listener)) throw new ApiException(404, $"listener {listener} not found");
            var sub = state.Subscribe(owner, emitter, listener, eventName);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Subscription(x, sub, f)));
        }
        return Ok(ctx, body);
    }

    private Task DeleteSubscription(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string emitter = Required(req, "emitter_id");
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        lock (state.Gate)
        {
            var sub = state.FindSubscription(req.User, emitter, listener, eventName)
                ?? throw new ApiException(404, $"no subscription of {listener} to {emitter} with event_name '{eventName}'");
            state.RemoveSubscription(sub);
        }
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task CreateAutoSubscription(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string listener = Required(req, "listener_id");
        string eventName = EventName(req);
        CheckListenerShape(listener);
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            if (!state.EndpointExists(req.User, listener)) throw new ApiException(404, $"listener {listener} not found");
            var auto = state.AutoSubscribe(owner, eventName, listener);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.AutoSubscription(x, auto, f)));
        }
        return Ok(ctx, body);
    }

    // ------------------------------------------------------------------ webhooks

    private Task CreateWebhook(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        // Not trimmed: a URL with whitespace around it is refused, not quietly mended.
        string url = req.Param("url") is { Length: > 0 } u ? u : throw new ApiException(400, "url is required");
        if (WebhookUrl.Problem(url) is { } problem) throw new ApiException(400, problem);
        string? name = req.Param("name");
        string? description = req.Param("description");
        var f = req.Filter;
        byte[] body;
        lock (state.Gate)
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            var hook = state.CreateWebhook(req.User, owner, url, name, description);
            body = JsonOut.Build(w => Writers.Data(w, x => Writers.Webhook(x, hook, f)));
        }
        return Ok(ctx, body);
    }

    private Task DeleteWebhook(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = RouteValue(ctx, "id");
        lock (state.Gate)
        {
            var hook = state.WebhookFor(req.User, id) ?? throw new ApiException(404, $"webhook {id} not found");
            state.DeleteWebhook(hook);
        }
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
