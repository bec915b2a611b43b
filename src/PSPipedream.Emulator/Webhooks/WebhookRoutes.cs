using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

internal sealed class WebhookRoutes(EmulatorState state)
{
    /// <summary>GET /v1/users/me/webhooks</summary>
    public OwnerList<Webhook> List { get; } = new(state, static i => i.Webhooks, WebhookJson.Write);

    /// <summary>POST /v1/webhooks</summary>
    public Task Create(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        // Not trimmed: a URL with whitespace around it is refused, not quietly mended.
        string url = req.Param("url") is { Length: > 0 } u ? u : throw new ApiException(400, "url is required");
        if (WebhookUrl.Problem(url) is { } problem) throw new ApiException(400, problem);
        string? name = req.Param("name");
        string? description = req.Param("description");
        return state.AnswerData(ctx,
            () => state.CreateWebhook(req.User, state.ResolveOwner(req.User, req.OrgId), url, name, description),
            WebhookJson.Write);
    }

    /// <summary>DELETE /v1/webhooks/{id}</summary>
    public Task Delete(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string id = req.Route("id");
        return state.AnswerEmpty(ctx, () => state.DeleteWebhook(
            state.WebhookFor(req.User, id) ?? throw new ApiException(404, $"webhook {id} not found")),
            StatusCodes.Status204NoContent);
    }
}
