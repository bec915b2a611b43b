using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace PSPipedream.Emulator;

internal static class Authentication
{
    /// <summary>The user whose key the request carries (Authorization: Bearer); else a 401.</summary>
    public static User Caller(HttpContext ctx, EmulatorState state)
    {
        StringValues header = ctx.Request.Headers.Authorization;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0]))
            throw new ApiException(401, "missing Authorization header: pass Authorization: Bearer <api key>");
        string value = header[0]!.Trim();
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(401, "the Authorization header must be Bearer <api key>");
        string key = value[7..].Trim();
        return state.Locked(() => state.UserByKey(key)) ?? throw new ApiException(401, "invalid API key");
    }
}
