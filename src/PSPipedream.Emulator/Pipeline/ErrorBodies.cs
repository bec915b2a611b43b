using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>Gives the framework's bodiless 404 and 405 answers a JSON error body; turns stray exceptions into JSON.</summary>
internal static class ErrorBodies
{
    public static async Task FillAsync(HttpContext ctx)
    {
        if (ctx.Response.HasStarted || ctx.Response.ContentLength > 0 || ctx.Response.ContentType is not null) return;
        switch (ctx.Response.StatusCode)
        {
            case 404:
                await JsonOut.ErrorAsync(ctx, 404, $"no route {ctx.Request.Method} {ctx.Request.Path}");
                break;
            case 405:
                string allow = ctx.Response.Headers.Allow.ToString();
                await JsonOut.ErrorAsync(ctx, 405,
                    allow.Length > 0 ? $"{ctx.Request.Method} is not allowed here; use {allow}" : $"{ctx.Request.Method} is not allowed here");
                break;
        }
    }

    /// <summary>The outermost middleware: control-API errors and anything unexpected.</summary>
    public static async Task HandleAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx);
            await FillAsync(ctx);
        }
        catch (ApiException e) when (!ctx.Response.HasStarted)
        {
            ctx.Response.Clear();
            await JsonOut.ErrorAsync(ctx, e.Status, e.Message);
        }
        catch (Exception e) when (!ctx.Response.HasStarted && e is not OperationCanceledException)
        {
            ctx.Response.Clear();
            await JsonOut.ErrorAsync(ctx, 500, "internal error: " + e.Message);
        }
    }
}
