using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>A change a fault makes to the body a handler wrote; the result is sent with its own Content-Length.</summary>
internal delegate ReadOnlyMemory<byte> AnswerRewrite(HttpContext ctx, ReadOnlyMemory<byte> body);

/// <summary>What each fault action does to an API request (after the fault's delay).</summary>
internal static class FaultAnswers
{
    private static readonly byte[] HtmlBody = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n");

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>
    /// Answers in the handler's stead for the actions that do (<c>status</c>, <c>non_json</c>, <c>no_data</c>);
    /// false for those that let the request run. <c>abort</c> is the middleware's, since it logs it apart.
    /// </summary>
    public static async Task<bool> AnswerInsteadAsync(HttpContext ctx, Fault fault)
    {
        switch (fault.Action)
        {
            case "status":
                if (fault.RetryAfter is not null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                await JsonOut.ErrorAsync(ctx, fault.Status, "injected fault");
                return true;
            case "non_json":
                if (fault.RetryAfter is not null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                ctx.Response.StatusCode = fault.Status;
                ctx.Response.ContentType = "text/html; charset=utf-8";
                ctx.Response.ContentLength = HtmlBody.Length;
                await ctx.Response.Body.WriteAsync(HtmlBody, ctx.RequestAborted);
                return true;
            case "no_data":
                if (fault.RetryAfter is not null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                await JsonOut.WriteAsync(ctx, fault.Status, EmptyObject);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The rewrite of the actions that run the handler and then change its answer; null for the others.</summary>
    public static AnswerRewrite? RewriteFor(Fault fault) => fault.Action switch
    {
        "truncate" => FirstHalf,
        "repeat_cursor" => RepeatCursor,
        _ => null,
    };

    private static ReadOnlyMemory<byte> FirstHalf(HttpContext ctx, ReadOnlyMemory<byte> body) => body[..(body.Length / 2)];

    /// <summary>
    /// A list page whose <c>page_info</c> hands back the cursors the request itself came with, as a server
    /// would that keeps returning a cursor it returned before: end_cursor becomes the request's <c>after</c>,
    /// start_cursor its <c>before</c>. Anything else, or a request without either, goes out as written.
    /// </summary>
    private static ReadOnlyMemory<byte> RepeatCursor(HttpContext ctx, ReadOnlyMemory<byte> body)
    {
        if (ctx.Features.Get<ApiRequest>() is not { } req) return body;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span);
        }
        catch (JsonException)
        {
            return body;
        }
        if (root is not JsonObject page || page["page_info"] is not JsonObject info) return body;
        string? after = req.After, before = req.Before;
        if (after is null && before is null) return body;
        if (after is not null) info["end_cursor"] = after;
        if (before is not null) info["start_cursor"] = before;
        return JsonOut.Build(w => page.WriteTo(w));
    }
}
