using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>The emulator's JSON settings, and the writing of JSON bodies and answers.</summary>
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
