using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <param name="Body">The body's JSON text, or its first <see cref="RequestLog.MaxBodyBytes"/> bytes when <paramref name="BodyTruncated"/>.</param>
/// <param name="ReceivedAtMs">When the request arrived, in Unix milliseconds: how a test measures the waits between attempts.</param>
/// <param name="UrlTruncated">The path and query together were over <see cref="RequestLog.MaxUrlBytes"/> and were cut to that.</param>
internal sealed record RequestLogEntry(long Seq, long ReceivedAtMs, string Method, string Path, string Query, bool UrlTruncated,
    byte[]? Body, bool BodyTruncated, int Status, double DurationMs, string? Fault);

/// <summary>The last <see cref="Capacity"/> API requests, without their headers.</summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    /// <summary>
    /// How much of each body is kept. Bodies may be 1 MiB, and a full log holding a parsed copy of
    /// each would be gigabytes; a test reading the log needs the start of a body, not all of it.
    /// </summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>
    /// How much of the path and query, together, is kept: a request line may be 8 KiB, and a test
    /// reading the log needs to know which route was called and with what, not every byte of it.
    /// </summary>
    public const int MaxUrlBytes = 2048;

    /// <summary>How much of an answer is written before it is sent on, so the log is never held whole in one buffer.</summary>
    private const int FlushBytes = 32 * 1024;

    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private long _seq;

    public void Add(long receivedAtMs, string method, string path, string query, JsonElement? body, int status, double durationMs, string? fault)
    {
        byte[]? json = body is JsonElement b ? JsonOut.Build(b.WriteTo) : null;
        bool truncated = json is not null && json.Length > MaxBodyBytes;
        if (truncated) json = json![..Utf8Text.PrefixLength(json, MaxBodyBytes)];
        path = Cap(path, MaxUrlBytes, out bool pathCut);
        query = Cap(query, MaxUrlBytes - Encoding.UTF8.GetByteCount(path), out bool queryCut);
        bool urlCut = pathCut || queryCut;
        lock (_gate)
        {
            _entries.Enqueue(new RequestLogEntry(++_seq, receivedAtMs, method, path, query, urlCut, json, truncated, status, durationMs, fault));
            while (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="maxBytes"/> UTF-8 bytes that splits no character.</summary>
    private static string Cap(string text, int maxBytes, out bool cut)
    {
        cut = false;
        if (text.Length * 3 <= maxBytes) return text;
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length <= maxBytes) return text;
        cut = true;
        return Encoding.UTF8.GetString(utf8, 0, Utf8Text.PrefixLength(utf8, Math.Max(maxBytes, 0)));
    }

    /// <summary>The entries after <paramref name="since"/>, only the newest <paramref name="limit"/> of them, oldest first.</summary>
    public RequestLogEntry[] List(long since, long limit = long.MaxValue)
    {
        lock (_gate)
        {
            // Sequence numbers only grow, so the entries after `since` are the queue's tail.
            int later = _entries.Count(e => e.Seq > since);
            int skip = _entries.Count - (int)Math.Min(later, limit);
            return _entries.Skip(skip).ToArray();
        }
    }

    /// <summary>
    /// Answers <c>{"data": [entries]}</c>, sent on as it is written: a full log is tens of megabytes,
    /// which one buffer per reader would hold at once.
    /// </summary>
    public static async Task WriteAsync(HttpContext ctx, IReadOnlyList<RequestLogEntry> entries)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        var pipe = ctx.Response.BodyWriter;
        await using var w = new Utf8JsonWriter(pipe, JsonOut.WriterOptions);
        w.WriteStartObject();
        w.WritePropertyName("data");
        w.WriteStartArray();
        foreach (var e in entries)
        {
            Write(w, e);
            if (w.BytesPending >= FlushBytes)
            {
                w.Flush();
                await pipe.FlushAsync(ctx.RequestAborted);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        await pipe.FlushAsync(ctx.RequestAborted);
    }

    private static void Write(Utf8JsonWriter w, RequestLogEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", e.Seq);
        w.WriteNumber("received_at_ms", e.ReceivedAtMs);
        w.WriteString("method", e.Method);
        w.WriteString("path", e.Path);
        w.WriteString("query", e.Query);
        w.WriteBoolean("url_truncated", e.UrlTruncated);
        w.WritePropertyName("body");
        if (e.Body is null) w.WriteNullValue();
        else if (e.BodyTruncated) w.WriteStringValue(e.Body);
        else w.WriteRawValue(e.Body, skipInputValidation: true);
        w.WriteBoolean("body_truncated", e.BodyTruncated);
        w.WriteNumber("status", e.Status);
        w.WriteNumber("duration_ms", Math.Round(e.DurationMs, 3));
        w.WriteNullableString("fault", e.Fault);
        w.WriteEndObject();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
