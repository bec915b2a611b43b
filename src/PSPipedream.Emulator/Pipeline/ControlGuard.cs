using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// Keeps the control API (<c>/_emulator</c>) out of reach of web pages. A page may have a browser
/// POST to another site without asking it first only with a form or plain-text body, and browsers
/// mark such requests with an <c>Origin</c> header; so control requests with an Origin are refused,
/// and control POSTs must say <c>Content-Type: application/json</c>, which a page can send elsewhere
/// only with the other site's consent (which the emulator never gives).
/// </summary>
internal sealed class ControlGuard(RequestDelegate next)
{
    /// <summary>Set on every webhook POST the emulator makes (see <see cref="Delivery"/>).</summary>
    public const string DeliveryHeader = "X-PD-Emitter-Id";

    public async Task InvokeAsync(HttpContext ctx)
    {
        if (!ctx.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(ctx);
            return;
        }
        var request = ctx.Request;
        if (request.Headers.Origin.Count > 0)
        {
            await JsonOut.ErrorAsync(ctx, 403,
                "the control API does not answer web pages: this request carries an Origin header");
            return;
        }
        // A webhook pointed at a control route would let an emit reset, fault or re-emit into this
        // or another emulator (an emit that emits itself never ends).
        if (request.Headers.ContainsKey(DeliveryHeader))
        {
            await JsonOut.ErrorAsync(ctx, 403, "the control API does not answer webhook deliveries");
            return;
        }
        if (HttpMethods.IsPost(request.Method) && !IsApplicationJson(request.ContentType))
        {
            await JsonOut.ErrorAsync(ctx, 415,
                "control POSTs must be sent with Content-Type: application/json (with a JSON body, or none)");
            return;
        }
        await next(ctx);
    }

    private static bool IsApplicationJson(string? contentType) =>
        !string.IsNullOrWhiteSpace(contentType) && MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
}
