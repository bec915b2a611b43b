using System.Text.RegularExpressions;
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
                await JsonOut.ErrorAsync(ctx, 404, $"no route {ctx.Request.Method} {ctx.Request.Path}{VersionHint(ctx.Request.Path)}");
                break;
            case 405:
                string allow = ctx.Response.Headers.Allow.ToString();
                await JsonOut.ErrorAsync(ctx, 405,
                    allow.Length > 0 ? $"{ctx.Request.Method} is not allowed here; use {allow}" : $"{ctx.Request.Method} is not allowed here");
                break;
        }
    }

    /// <summary>
    /// For a path under another API version (/v2/..., /v0/...), the same path under /v1, the only
    /// version the API has: a base URI with the wrong version is an easy slip to make and a hard
    /// one to see in a bare 404.
    /// </summary>
    internal static string VersionHint(PathString path)
    {
        var match = Regex.Match(path.Value ?? "", "^/v[0-9]+(/.*)?$", RegexOptions.CultureInvariant);
        if (!match.Success || path.StartsWithSegments("/v1")) return "";
        return $". Did you mean /v1{match.Groups[1].Value}? The API has only version 1";
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
