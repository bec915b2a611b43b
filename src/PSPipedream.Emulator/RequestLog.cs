using System.Text.Json;

namespace PSPipedream.Emulator;

/// <param name="Body">The body's JSON text, or its first <see cref="RequestLog.MaxBodyBytes"/> bytes when <paramref name="BodyTruncated"/>.</param>
/// <param name="ReceivedAtMs">When the request arrived, in Unix milliseconds: how a test measures the waits between attempts.</param>
internal sealed record RequestLogEntry(long Seq, long ReceivedAtMs, string Method, string Path, string Query, byte[]? Body, bool BodyTruncated,
    int Status, double DurationMs, string? Fault);

/// <summary>The last <see cref="Capacity"/> API requests, without their headers.</summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    /// <summary>
    /// How much of each body is kept. Bodies may be 1 MiB, and a full log holding a parsed copy of
    /// each would be gigabytes; a test reading the log needs the start of a body, not all of it.
    /// </summary>
    public const int MaxBodyBytes = 4096;

    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private long _seq;

    public void Add(long receivedAtMs, string method, string path, string query, JsonElement? body, int status, double durationMs, string? fault)
    {
        byte[]? json = body is JsonElement b ? JsonOut.Build(b.WriteTo) : null;
        bool truncated = json is not null && json.Length > MaxBodyBytes;
        if (truncated) json = json![..Utf8Text.PrefixLength(json, MaxBodyBytes)];
        lock (_gate)
        {
            _entries.Enqueue(new RequestLogEntry(++_seq, receivedAtMs, method, path, query, json, truncated, status, durationMs, fault));
            while (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    /// <summary>The entries after <paramref name="since"/>, only the newest <paramref name="limit"/> of them, oldest first.</summary>
    public byte[] List(long since, long limit = long.MaxValue)
    {
        lock (_gate)
        {
            // Sequence numbers only grow, so the entries after `since` are the queue's tail.
            int later = _entries.Count(e => e.Seq > since);
            int skip = _entries.Count - (int)Math.Min(later, limit);
            return JsonOut.Build(w => Writers.Data(w, x =>
            {
                x.WriteStartArray();
                foreach (var e in _entries.Skip(skip)) Write(x, e);
                x.WriteEndArray();
            }));
        }
    }

    private static void Write(Utf8JsonWriter w, RequestLogEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", e.Seq);
        w.WriteNumber("received_at_ms", e.ReceivedAtMs);
        w.WriteString("method", e.Method);
        w.WriteString("path", e.Path);
        w.WriteString("query", e.Query);
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
