using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>An error answered as <c>{"error": message}</c> with a status code.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

internal static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ApiKeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length) => RandomOf(Alphabet, length);

    public static string NewApiKey() => RandomOf(ApiKeyAlphabet, 32);

    private static string RandomOf(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = chars[System.Random.Shared.Next(chars.Length)];
        });

    /// <summary>A page cursor naming an item: the unpadded base64 of its id, as the API shows.</summary>
    public static string Cursor(string id)
    {
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=');
    }

    /// <summary>The id a cursor names, or null when it is not the base64 of an id (<c>prefix_chars</c>).</summary>
    public static string? DecodeCursor(string cursor)
    {
        string s = cursor.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        string id;
        try
        {
            id = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(s));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
        return IsIdShaped(id) ? id : null;
    }

    private static bool IsIdShaped(string id)
    {
        int underscore = id.IndexOf('_');
        if (underscore <= 0 || underscore == id.Length - 1) return false;
        for (int i = 0; i < id.Length; i++)
        {
            char ch = id[i];
            bool ok = i < underscore ? ch is >= 'a' and <= 'z' : i == underscore || char.IsAsciiLetterOrDigit(ch);
            if (!ok) return false;
        }
        return true;
    }

    public const int MaxChosenIdLength = 100;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    /// <summary>
    /// A workflow id given by a test instead of made up: <c>p_</c> then letters, digits, <c>_</c> or <c>-</c>,
    /// so that it can sit in a URL path, a log line or a subscription unescaped (no <c>/</c>, no <c>*</c>
    /// glob, no whitespace). Else a 400.
    /// </summary>
    public static void CheckChosenWorkflowId(string? id)
    {
        if (id is null || !id.StartsWith("p_", StringComparison.Ordinal))
            throw new ApiException(400, "a workflow id must start with p_");
        if (id.Length > MaxChosenIdLength)
            throw new ApiException(400, $"a workflow id must be at most {MaxChosenIdLength} characters");
        if (id.Length == 2 || id.AsSpan(2).ContainsAnyExcept(IdCharacters))
            throw new ApiException(400, "a workflow id must be p_ followed by letters, digits, _ or - (no whitespace, control characters, / or *)");
    }

    /// <summary>The slug of <paramref name="name"/>, or <paramref name="fallback"/> when it has none.</summary>
    public static string SlugOr(string name, string fallback) => Slug(name) is { Length: > 0 } s ? s : fallback;

    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool dash = false;
        foreach (char ch in name.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(ch);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return sb.ToString();
    }
}

internal static class Utf8Text
{
    /// <summary>The length of the longest start of <paramref name="utf8"/> of at most <paramref name="max"/> bytes that splits no character.</summary>
    public static int PrefixLength(ReadOnlySpan<byte> utf8, int max)
    {
        if (utf8.Length <= max) return utf8.Length;
        int n = max;
        while (n > 0 && (utf8[n] & 0xC0) == 0x80) n--;  // utf8[n] continues a character begun before it
        return n;
    }
}

internal static class Clock
{
    public static long NowSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

/// <summary>The include / exclude common parameters: which top-level fields of a data object are written.</summary>
internal sealed class FieldFilter
{
    public static readonly FieldFilter All = new(null, null);

    private readonly HashSet<string>? _include;
    private readonly HashSet<string>? _exclude;

    private FieldFilter(HashSet<string>? include, HashSet<string>? exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    public static FieldFilter From(string? include, string? exclude)
    {
        var inc = Split(include);
        var exc = Split(exclude);
        return inc is null && exc is null ? All : new FieldFilter(inc, exc);
    }

    private static HashSet<string>? Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) set.Add(part);
        return set.Count == 0 ? null : set;
    }

    public bool Has(string field) =>
        (_include is null || _include.Contains(field)) && (_exclude is null || !_exclude.Contains(field));
}

/// <summary>Fields of a control-API JSON body.</summary>
internal static class BodyFields
{
    /// <summary>A whole number, as a JSON number or a string; null when absent or null; anything else is a 400.</summary>
    public static int? Int(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n)) return n;
        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), CultureInfo.InvariantCulture, out n)) return n;
        throw new ApiException(400, $"{name} must be a whole number");
    }
}

internal static class JsonOut
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync(HttpContext ctx, int status, byte[] body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body, 0, body.Length, ctx.RequestAborted);
    }

    public static Task WriteAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write) =>
        WriteAsync(ctx, status, Build(write));

    public static Task ErrorAsync(HttpContext ctx, int status, string message) =>
        WriteAsync(ctx, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, DocumentOptions);
        return doc.RootElement.Clone();
    }

    public static JsonElement ToElement(Action<Utf8JsonWriter> write)
    {
        using var doc = JsonDocument.Parse(Build(write));
        return doc.RootElement.Clone();
    }

    public static void WriteNullableString(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
