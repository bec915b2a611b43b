using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PSPipedream.Emulator;

/// <summary>
/// Every route the emulator answers, and the handler that answers it: the Pipedream REST API v1 by
/// resource family (each family's folder holds its API handlers, state, rules and JSON shapes), then the
/// control API, a layer of its own (Control/) whose handlers make users and workflows, emit events and
/// seed sources through the families' state. The request pipeline (Pipeline/) has run before any of them.
/// </summary>
internal static class Routes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state, FaultStore faults, RequestLog log, SteadyEmits steady, EmulatorReset reset, bool exposeKeys)
    {
        var users = new UserRoutes(state);
        var components = new ComponentRoutes(state);
        var sources = new SourceRoutes(state);
        var events = new EventRoutes(state);
        var subscriptions = new SubscriptionRoutes(state);
        var webhooks = new WebhookRoutes(state);
        var workflows = new WorkflowRoutes(state);
        var control = new ControlRoutes(state, faults, log, steady, reset, exposeKeys);

        // HEAD is answered wherever GET is, with the same status and headers and no body.
        void MapGet(string pattern, RequestDelegate handler) => app.MapMethods(pattern, GetAndHead, handler);

        MapGet("/v1/users/me", users.Me);
        MapGet("/v1/users/me/sources", sources.List.Mine);
        MapGet("/v1/users/me/subscriptions", subscriptions.List.Mine);
        MapGet("/v1/users/me/webhooks", webhooks.List.Mine);
        MapGet("/v1/orgs/{orgId}/sources", sources.List.OfOrg);
        MapGet("/v1/orgs/{orgId}/subscriptions", subscriptions.List.OfOrg);
        app.MapPost("/v1/components", components.Create);
        MapGet("/v1/components/registry/{key}", components.GetFromRegistry);
        MapGet("/v1/components/{keyOrId}", components.Get);
        app.MapPost("/v1/sources", sources.Create);
        app.MapPut("/v1/sources/{id}", sources.Update);
        app.MapDelete("/v1/sources/{id}", sources.Delete);
        MapGet("/v1/sources/{id}/event_summaries", events.OfSource);
        app.MapDelete("/v1/sources/{id}/events", events.DeleteOfSource);
        app.MapPost("/v1/subscriptions", subscriptions.Create);
        app.MapDelete("/v1/subscriptions", subscriptions.Delete);
        app.MapPost("/v1/auto_subscriptions", subscriptions.CreateAuto);
        app.MapPost("/v1/webhooks", webhooks.Create);
        app.MapDelete("/v1/webhooks/{id}", webhooks.Delete);
        MapGet("/v1/workflows/{id}/event_summaries", workflows.Emits);
        MapGet("/v1/workflows/{id}/$errors/event_summaries", workflows.Errors);

        app.MapPost("/_emulator/reset", control.Reset);
        app.MapGet("/_emulator/users", control.ListUsers);
        app.MapPost("/_emulator/users", control.AddUser);
        app.MapPost("/_emulator/workflows", control.CreateWorkflow);
        app.MapPost("/_emulator/emit", control.Emit);
        app.MapPost("/_emulator/seed", control.Seed);
        app.MapGet("/_emulator/requests", control.ListRequests);
        app.MapDelete("/_emulator/requests", control.ClearRequests);
        app.MapPost("/_emulator/faults", control.AddFault);
        app.MapGet("/_emulator/faults", control.ListFaults);
        app.MapDelete("/_emulator/faults", control.ClearFaults);
    }

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
}
