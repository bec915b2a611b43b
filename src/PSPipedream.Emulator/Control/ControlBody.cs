using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>The JSON body of a control request and its fields.</summary>
internal static class ControlBody
{
    /// <summary>The body, read as an API body is; an empty object when there is none.</summary>
    public static async Task<JsonElement> ReadAsync(HttpContext ctx) =>
        await RequestBody.ReadAsync(ctx) ?? JsonOut.Parse("{}");

    /// <summary>A string field; null when absent or null; anything else is a 400.</summary>
    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ApiException(400, $"{name} must be a string"),
        } : null;

    /// <summary>A whole number, as a JSON number or a string; null when absent or null; anything else is a 400.</summary>
    public static int? Int(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n)) return n;
        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), CultureInfo.InvariantCulture, out n)) return n;
        throw new ApiException(400, $"{name} must be a whole number");
    }

    /// <summary>
    /// A moment in the past, in Unix milliseconds: an ISO 8601 string with its zone (or UTC without one), or a
    /// number of Unix milliseconds. Null when absent or null; a time before 1970 or in the future is a 400.
    /// </summary>
    public static long? PastTime(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        long ms;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)) ms = n;
        else if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            ms = t.ToUnixTimeMilliseconds();
        else throw new ApiException(400, $"{name} must be an ISO 8601 time (2026-01-31T12:00:00Z) or Unix milliseconds");
        if (ms < 0) throw new ApiException(400, $"{name} must not be before 1970-01-01T00:00:00Z");
        if (ms > Clock.NowMs()) throw new ApiException(400, $"{name} must not be in the future (the emulator's clock reads {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ})");
        return ms;
    }

    /// <summary>A number of seconds, as a JSON number or a string; null when absent or null; anything else is a 400.</summary>
    public static double? Seconds(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d)) return d;
        throw new ApiException(400, $"{name} must be a number of seconds");
    }
}
