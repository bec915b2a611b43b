using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// One kind of owner list (sources, webhooks, subscriptions) and the routes that page it: the caller's own
/// (<c>/users/me/...</c>) and an org's (<c>/orgs/{orgId}/...</c>).
/// </summary>
internal sealed class OwnerList<T>(EmulatorState state, Func<OwnerIndex, SortedItems<T>> pick, Shape<T> shape,
    int defaultLimit = ApiRequest.DefaultLimit) where T : class, IListed
{
    public Task Mine(HttpContext ctx) => Page(ctx, ApiRequest.Of(ctx).User.Id);

    /// <summary>The org is checked (404, 403) before the page's parameters are read.</summary>
    public Task OfOrg(HttpContext ctx)
    {
        var req = ApiRequest.Of(ctx);
        string org = req.Route("orgId");
        state.Locked(() => state.CheckOrgReadable(req.User, org));
        return Page(ctx, org);
    }

    private Task Page(HttpContext ctx, string ownerId)
    {
        var req = ApiRequest.Of(ctx);
        int limit = req.LimitOr(defaultLimit);
        string? after = req.After, before = req.Before;
        return state.Answer(ctx, () => state.PageOf(ownerId, pick, limit, after, before), (w, page, f) => page.Write(w, f, shape));
    }
}
