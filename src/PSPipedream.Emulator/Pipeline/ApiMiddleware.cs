using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace PSPipedream.Emulator;

/// <summary>
/// Runs around every <c>/v1</c> request: request log, fault injection, authentication and the JSON
/// body (413 / 415 / 400). Handlers find the caller and body in the <see cref="ApiRequest"/> feature.
/// </summary>
internal sealed class ApiMiddleware(RequestDelegate next, EmulatorState state, FaultStore faults, RequestLog log)
{
    public const int MaxBodyBytes = 1 << 20;

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

            var user = Authenticate(ctx, state);
            body = await ReadBodyAsync(ctx);
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

    /// <summary>The user whose key the request carries (Authorization: Bearer); else a 401.</summary>
    internal static User Authenticate(HttpContext ctx, EmulatorState state)
    {
        StringValues header = ctx.Request.Headers.Authorization;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0]))
            throw new ApiException(401, "missing Authorization header: pass Authorization: Bearer <api key>");
        string value = header[0]!.Trim();
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(401, "the Authorization header must be Bearer <api key>");
        string key = value[7..].Trim();
        lock (state.Gate)
            return state.UserByKey(key) ?? throw new ApiException(401, "invalid API key");
    }

    private static bool? IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is null) return false;
        string type = media.MediaType.ToLowerInvariant();
        return type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal);
    }

    internal static async Task<JsonElement?> ReadBodyAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        string method = request.Method;
        bool mustBeJson = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        if (!mustBeJson && !HttpMethods.IsDelete(method)) return null;
        if (request.ContentLength == 0) return null;
        if (request.ContentLength > MaxBodyBytes)
            throw new ApiException(413, $"the request body is over {MaxBodyBytes} bytes");

        byte[] read = await ReadLimitedAsync(request.Body, ctx.RequestAborted);
        // A byte order mark is allowed before JSON text (RFC 8259 says a parser may skip it), and
        // Windows tools write one.
        ReadOnlyMemory<byte> data = read.AsMemory();
        if (data.Span.StartsWith(Utf8Bom)) data = data[Utf8Bom.Length..];
        if (IsBlank(data.Span)) return null;

        // Declared as something else, or undeclared and not parsable: not a JSON body.
        bool? json = IsJsonContentType(request.ContentType);
        if (json == false) return NotJson(mustBeJson);
        // Checked first: the parser takes most bad bytes inside a string and fails only when the
        // string is read, which would be reported as a bad escape.
        if (!Utf8.IsValid(data.Span))
        {
            if (json is null) return NotJson(mustBeJson);
            throw new ApiException(400, "the request body is not valid UTF-8");
        }
        try
        {
            using var doc = JsonDocument.Parse(data, JsonOut.DocumentOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ApiException(400, "the request body must be a JSON object");
            if (!HasValidText(doc.RootElement))
                throw new ApiException(400, "malformed JSON body: a string holds an invalid \\u escape (a lone surrogate)");
            return doc.RootElement.Clone();
        }
        catch (JsonException) when (json is null)
        {
            return NotJson(mustBeJson);
        }
        catch (JsonException e)
        {
            throw new ApiException(400, "malformed JSON body: " + e.Message);
        }
    }

    /// <summary>A body that is not JSON: ignored on DELETE, a 415 where the method takes a JSON body.</summary>
    private static JsonElement? NotJson(bool mustBeJson)
    {
        if (!mustBeJson) return null;
        throw new ApiException(415, "the request body must be JSON sent with Content-Type: application/json");
    }

    /// <summary>False when a string or property name escapes half a surrogate pair, which no string can hold.</summary>
    private static bool HasValidText(JsonElement e)
    {
        try
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    _ = e.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        _ = p.Name;
                        if (!HasValidText(p.Value)) return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                        if (!HasValidText(item)) return false;
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
            int n = await body.ReadAsync(chunk, ct);
            if (n == 0) break;
            if (ms.Length + n > MaxBodyBytes) throw new ApiException(413, $"the request body is over {MaxBodyBytes} bytes");
            ms.Write(chunk, 0, n);
        }
        return ms.ToArray();
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsBlank(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }
}
