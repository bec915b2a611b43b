using System.Globalization;
using System.Text.Json;

namespace PSPipedream.Emulator;

internal sealed class Fault
{
    public required string Id { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required int Count { get; init; }
    public int Remaining { get; set; }
    public required string Action { get; init; }
    public int Status { get; init; }
    public string? RetryAfter { get; init; }
    public int DelayMs { get; init; }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("method", Method);
        w.WriteString("path", Path);
        w.WriteNumber("count", Count);
        w.WriteNumber("remaining", Remaining);
        w.WriteString("action", Action);
        w.WriteNumber("status", Status);
        w.WriteNullableString("retry_after", RetryAfter);
        w.WriteNumber("delay_ms", DelayMs);
        w.WriteEndObject();
    }
}

/// <summary>Faults to inject into matching API requests, each for its next N matches.</summary>
internal sealed class FaultStore
{
    public static readonly string[] Actions = ["status", "delay", "abort", "truncate", "non_json", "no_data", "repeat_cursor"];

    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();
    private int _next;

    public Fault Add(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new ApiException(400, "the body must be a JSON object");
        string method = Str(body, "method")?.Trim().ToUpperInvariant() is { Length: > 0 } m ? m : "*";
        string path = Str(body, "path")?.Trim() is { Length: > 0 } p ? p : "*";
        string action = Str(body, "action")?.Trim().ToLowerInvariant() is { Length: > 0 } a ? a : "status";
        if (!Actions.Contains(action)) throw new ApiException(400, $"action must be one of {string.Join(", ", Actions)}");
        int count = ControlBody.Int(body, "count") ?? 1;
        if (count < 1) throw new ApiException(400, "count must be at least 1");
        int status = ControlBody.Int(body, "status") ?? (action == "status" ? 503 : 200);
        if (status is < 100 or > 599) throw new ApiException(400, "status must be an HTTP status code");
        int delay = ControlBody.Int(body, "delay_ms") ?? 0;
        if (delay is < 0 or > 600_000) throw new ApiException(400, "delay_ms must be from 0 to 600000");
        string? retryAfter = body.TryGetProperty("retry_after", out var ra) ? ra.ValueKind switch
        {
            JsonValueKind.Number => ra.GetRawText(),
            JsonValueKind.String => ra.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ApiException(400, "retry_after must be seconds or an HTTP date"),
        } : null;
        if (retryAfter is not null)
        {
            retryAfter = retryAfter.Trim();
            bool seconds = long.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            bool date = DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
            if (!seconds && !date) throw new ApiException(400, "retry_after must be whole seconds or an HTTP date (RFC 1123)");
        }
        lock (_gate)
        {
            var fault = new Fault
            {
                Id = "f_" + (++_next).ToString(CultureInfo.InvariantCulture),
                Method = method,
                Path = path,
                Count = count,
                Remaining = count,
                Action = action,
                Status = status,
                RetryAfter = retryAfter,
                DelayMs = delay,
            };
            _faults.Add(fault);
            return fault;
        }
    }

    private static string? Str(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Takes one use of the first live fault that matches, if any.</summary>
    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            if (_faults.Count == 0) return null;
            foreach (var f in _faults)
            {
                if (f.Remaining <= 0) continue;
                if (f.Method != "*" && !string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (!PathGlob.IsMatch(f.Path, path)) continue;
                f.Remaining--;
                return f;
            }
            return null;
        }
    }

    public byte[] List() 
    {
        lock (_gate)
            return JsonOut.Build(w => Envelope.Data(w, x =>
            {
                x.WriteStartArray();
                foreach (var f in _faults) f.Write(x);
                x.WriteEndArray();
            }));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }
}
