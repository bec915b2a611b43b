using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

internal sealed class SourceRoutes(EmulatorState state)
{
    /// <summary>GET /v1/users/me/sources, GET /v1/orgs/{orgId}/sources</summary>
    public OwnerList<Source> List { get; } = new(state, static i => i.Sources, SourceJson.Write);

    /// <summary>POST /v1/sources</summary>
    public Task Create(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        var props = ReadProps(req) ?? JsonOut.Parse("{}");
        string? name = ReadName(req);
        bool active = req.Bool("active") ?? true;
        return state.AnswerData(ctx, () =>
        {
            string owner = state.ResolveOwner(req.User, req.OrgId);
            var component = ResolveComponent(req, owner)
                ?? throw new ApiException(400, "one of component_id, component_key, component_code or component_url is required");
            return state.CreateSource(req.User, owner, component, props, name, active);
        }, SourceJson.Write);
    }

    /// <summary>PUT /v1/sources/{id}</summary>
    public Task Update(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        var props = ReadProps(req);
        string? name = ReadName(req);
        bool? active = req.Bool("active");
        return state.AnswerData(ctx, () =>
        {
            var source = state.RequireSource(req.User, id);
            return state.ChangeSource(source, ResolveComponent(req, source.OwnerId), props, active, name);
        }, SourceJson.Write);
    }

    /// <summary>DELETE /v1/sources/{id}</summary>
    public Task Delete(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        return state.AnswerEmpty(ctx, () => state.DeleteSource(state.RequireSource(req.User, id)), StatusCodes.Status200OK);
    }

    /// <summary>
    /// The component a create or update names: component_id, component_key, component_code or component_url.
    /// Read under the lock, since code or a URL makes a new component.
    /// </summary>
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

    /// <summary>configured_props as a JSON object, or as its text in the query string; timers normalised.</summary>
    private static JsonElement? ReadProps(ApiRequest req)
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
}
