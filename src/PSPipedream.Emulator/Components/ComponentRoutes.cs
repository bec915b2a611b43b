using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

internal sealed class ComponentRoutes(EmulatorState state)
{
    /// <summary>POST /v1/components: from component_code or component_url.</summary>
    public Task Create(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string? code = req.Param("component_code");
        string? url = req.Param("component_url");
        return state.AnswerData(ctx, () => state.CreateComponent(state.ResolveOwner(req.User, req.OrgId), code, url), ComponentJson.Write);
    }

    /// <summary>GET /v1/components/{keyOrId}: the caller's own or its orgs', else the registry's.</summary>
    public Task Get(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string keyOrId = req.Route("keyOrId");
        return state.AnswerData(ctx,
            () => state.FindComponent(req.User, keyOrId) ?? throw new ApiException(404, $"component {keyOrId} not found"),
            ComponentJson.Write);
    }

    /// <summary>GET /v1/components/registry/{key}</summary>
    public Task GetFromRegistry(HttpContext ctx)
    {
        string key = ApiRequest.Of(ctx).Route("key");
        return state.AnswerData(ctx,
            () => state.Registry(key) ?? throw new ApiException(404, $"component {key} not found in the registry"),
            ComponentJson.Write);
    }
}
