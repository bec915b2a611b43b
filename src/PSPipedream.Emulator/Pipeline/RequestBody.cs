using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// The JSON body of a request: a JSON object, or none. Too big is a 413; declared as something else
/// where the method takes JSON is a 415; malformed is a 400.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 1 << 20;

    public static async Task<JsonElement?> ReadAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        string method = request.Method;
        bool mustBeJson = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        if (!mustBeJson && !HttpMethods.IsDelete(method)) return null;
        if (request.ContentLength == 0) return null;
        if (request.ContentLength > MaxBytes)
            throw new ApiException(413, $"the request body is over {MaxBytes} bytes");

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

    private static bool? IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is null) return false;
        string type = media.MediaType.ToLowerInvariant();
        return type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal);
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
            if (ms.Length + n > MaxBytes) throw new ApiException(413, $"the request body is over {MaxBytes} bytes");
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
