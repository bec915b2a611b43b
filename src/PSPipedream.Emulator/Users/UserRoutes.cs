using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

internal sealed class UserRoutes(EmulatorState state)
{
    /// <summary>GET /v1/users/me: the caller, with its orgs and its plan's quota or billing fields.</summary>
    public Task Me(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        return state.AnswerData(ctx, () => req.User, (w, u, f) => UserJson.Write(w, u, state.OrgById, f));
    }
}
