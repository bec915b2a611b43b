using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// Runs around every <c>/v1</c> request: request log, fault injection, authentication and the JSON
/// body (413 / 415 / 400). Handlers find the caller and body in the <see cref="ApiRequest"/> feature.
/// </summary>
internal sealed class ApiMiddleware(RequestDelegate next, EmulatorState state, FaultStore faults, RequestLog log)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        if (!ctx.Request.Path.StartsWithSegments("/v1"))
        {
            await next(ctx);
            return;
        }
        long started = Stopwatch.GetTimestamp();
        long receivedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string method = ctx.Request.Method;
        string path = ctx.Request.Path.Value ?? "/";
        JsonElement? body = null;
        var fault = faults.Take(method, path);
        bool aborted = false;
        bool logged = false;
        void Log(int status)
        {
            if (logged) return;
            logged = true;
            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            string query = ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : "";
            log.Add(receivedAtMs, method, path, query, body, status, ms, fault?.Id);
        }
        // Logged as the answer starts, not after it is sent: a test that reads the log as soon as its
        // answer arrives must find the request there.
        ctx.Response.OnStarting(() =>
        {
            Log(ctx.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            if (fault is not null)
            {
                if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, ctx.RequestAborted);
                if (fault.Action == "abort")
                {
                    aborted = true;
                    ctx.Abort();
                    return;
                }
                if (await FaultAnswers.AnswerInsteadAsync(ctx, fault)) return;
            }

            var user = Authentication.Caller(ctx, state);
            body = await RequestBody.ReadAsync(ctx);
            ctx.Features.Set(new ApiRequest { User = user, Body = body, Context = ctx });

            if (fault is not null && FaultAnswers.RewriteFor(fault) is { } rewrite) await RunRewrittenAsync(ctx, rewrite);
            else await RunAsync(ctx);
        }
        catch (ApiException e) when (!ctx.Response.HasStarted)
        {
            ctx.Response.Clear();
            if (e.Status == 401) ctx.Response.Headers.WWWAuthenticate = "Bearer";
            await JsonOut.ErrorAsync(ctx, e.Status, e.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            aborted = true;
        }
        catch (Exception e) when (!ctx.Response.HasStarted && e is not OperationCanceledException)
        {
            ctx.Response.Clear();
            await JsonOut.ErrorAsync(ctx, 500, "internal error: " + e.Message);
        }
        finally
        {
            Log(aborted ? 0 : ctx.Response.StatusCode);
        }
    }

    private async Task RunAsync(HttpContext ctx)
    {
        await next(ctx);
        await ErrorBodies.FillAsync(ctx);
    }

    /// <summary>Runs the handler into a buffer, then sends its body as the fault rewrites it.</summary>
    private async Task RunRewrittenAsync(HttpContext ctx, AnswerRewrite rewrite)
    {
        var original = ctx.Response.Body;
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try
        {
            await RunAsync(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
        }
        // Nothing to rewrite: a 204, or an empty 200, goes out as the handler left it (a 204 may not even
        // be given an empty write).
        if (buffer.Length == 0) return;
        var answer = rewrite(ctx, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        ctx.Response.ContentLength = answer.Length;
        await original.WriteAsync(answer, ctx.RequestAborted);
    }
}
