using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>What the API middleware learned about a request: the caller and its JSON body.</summary>
internal sealed class ApiRequest
{
    public required User User { get; init; }
    public JsonElement? Body { get; init; }
    public required HttpContext Context { get; init; }

    public static ApiRequest Of(HttpContext ctx) =>
        ctx.Features.Get<ApiRequest>() ?? throw new InvalidOperationException("API request without an ApiRequest feature");

    /// <summary>A value of the route's pattern, such as the id of <c>/v1/sources/{id}</c>.</summary>
    public string Route(string name) => Context.Request.RouteValues[name] as string ?? "";

    /// <summary>A parameter from the query string, else from the JSON body; null when absent.</summary>
    public string? Param(string name)
    {
        if (Context.Request.Query.TryGetValue(name, out var values)) return values.Count > 0 ? values[0] ?? "" : "";
        if (Body is JsonElement body && body.TryGetProperty(name, out var prop))
        {
            return prop.ValueKind switch
            {
                JsonValueKind.String => prop.GetString(),
                JsonValueKind.Number => prop.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => throw new ApiException(400, $"{name} must be a string"),
            };
        }
        return null;
    }

    /// <summary>
    /// The parameter as the JSON body holds it (not null); null when absent, or when the query string
    /// has the parameter, since the query wins over the body as in <see cref="Param"/>.
    /// </summary>
    public JsonElement? BodyProperty(string name) =>
        !Context.Request.Query.ContainsKey(name) && Body is JsonElement body && body.TryGetProperty(name, out var prop)
        && prop.ValueKind != JsonValueKind.Null ? prop : null;

    public FieldFilter Filter => FieldFilter.From(Param("include"), Param("exclude"));

    public string? OrgId => Param("org_id") is { Length: > 0 } o ? o : null;

    public const int DefaultLimit = 10;

    public int Limit => LimitOr(DefaultLimit);

    /// <summary>The limit parameter (1..100, else 400), or <paramref name="fallback"/> when it is absent.</summary>
    public int LimitOr(int fallback)
    {
        string? raw = Param("limit");
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit) || limit < 1 || limit > 100)
            throw new ApiException(400, "limit must be a whole number from 1 to 100");
        return limit;
    }

    public string? After => Param("after") is { Length: > 0 } a ? a : null;
    public string? Before => Param("before") is { Length: > 0 } b ? b : null;

    public bool Expand(string field)
    {
        string? expand = Param("expand");
        if (string.IsNullOrEmpty(expand)) return false;
        foreach (var part in expand.Split(',', StringSplitOptions.TrimEntries))
            if (part == field) return true;
        return false;
    }

    public bool? Bool(string name)
    {
        if (BodyProperty(name) is JsonElement e && e.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return e.GetBoolean();
        string? raw = Param(name);
        if (string.IsNullOrEmpty(raw)) return null;
        return raw.ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new ApiException(400, $"{name} must be true or false"),
        };
    }
}
