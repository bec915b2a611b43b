using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>What the API puts around the resources it answers with: <c>{"data": ...}</c>, and a page of a list.</summary>
internal static class Envelope
{
    public static void Data(Utf8JsonWriter w, Action<Utf8JsonWriter> inner)
    {
        w.WriteStartObject();
        w.WritePropertyName("data");
        inner(w);
        w.WriteEndObject();
    }

    /// <summary>page_info, then the data array that <paramref name="items"/> fills; the cursors are null when the page is empty.</summary>
    public static void Page(Utf8JsonWriter w, int totalCount, int count, string? startCursor, string? endCursor,
        Action<Utf8JsonWriter> items)
    {
        w.WriteStartObject();
        w.WriteStartObject("page_info");
        w.WriteNumber("total_count", totalCount);
        w.WriteNumber("count", Math.Max(0, count));
        w.WriteNullableString("start_cursor", startCursor);
        w.WriteNullableString("end_cursor", endCursor);
        w.WriteEndObject();
        w.WriteStartArray("data");
        items(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
