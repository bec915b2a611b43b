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
}
