using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// The other shape of a workflow error: the reference nests <c>original_event</c>, <c>original_context</c> and
/// <c>error</c> inside the item's <c>event</c>; some clients read them at the top level of the item instead. A
/// workflow made with <c>errors_shape: "top_level"</c> answers that way, so both readings can be tested.
/// </summary>
internal static class ErrorShape
{
    public const string Nested = "event";
    public const string TopLevel = "top_level";

    private static readonly string[] Lifted = ["original_event", "original_context", "error"];

    /// <summary>Whether a control request's errors_shape asks for the top-level shape; anything unknown is a 400.</summary>
    public static bool IsTopLevel(string? shape) => shape switch
    {
        null or Nested => false,
        TopLevel => true,
        _ => throw new ApiException(400, $"errors_shape must be {Nested} (the reference's) or {TopLevel}"),
    };

    /// <summary>
    /// Writes the lifted fields of an error event as the item's own, and returns the rest of the event (the
    /// whole event when it is not an object), which is then the item's <c>event</c>.
    /// </summary>
    public static byte[] WriteLifted(Utf8JsonWriter w, byte[] json, FieldFilter f)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return json;
        foreach (string name in Lifted)
        {
            if (doc.RootElement.TryGetProperty(name, out var value) && f.Has(name))
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }
        return JsonOut.Build(x =>
        {
            x.WriteStartObject();
            foreach (var p in doc.RootElement.EnumerateObject())
                if (Array.IndexOf(Lifted, p.Name) < 0) p.WriteTo(x);
            x.WriteEndObject();
        });
    }
}
