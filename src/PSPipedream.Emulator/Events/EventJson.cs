using System.Text;
using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>An event summary, and a page of them.</summary>
internal static class EventJson
{
    /// <summary>Events longer than this are cut to it (as text) unless the request expands them.</summary>
    public const int TruncateBytes = 1024;

    /// <summary>One event summary; with <paramref name="liftError"/>, a workflow error in the top-level shape (<see cref="ErrorShape"/>).</summary>
    public static void Write(Utf8JsonWriter w, EventRecord e, FieldFilter f, bool expand, bool liftError = false)
    {
        var o = Fields.Object(w, f).String("id", e.Id).Number("indexed_at_ms", e.Key.Ms);
        byte[] json = liftError ? ErrorShape.WriteLifted(w, e.Json, f) : e.Json;
        bool truncate = !expand && json.Length > TruncateBytes;
        if (f.Has("event"))
        {
            if (truncate)
            {
                // The first 1024 bytes of the JSON, backed off so no UTF-8 character is split.
                w.WriteString("event", Encoding.UTF8.GetString(json, 0, Utf8Text.PrefixLength(json, TruncateBytes)));
            }
            else
            {
                w.WritePropertyName("event");
                w.WriteRawValue(json, skipInputValidation: true);
            }
        }
        if (f.Has("metadata"))
        {
            w.WriteStartObject("metadata");
            w.WriteString("emit_id", e.EmitId);
            w.WriteString("name", e.Name);
            w.WriteString("emitter_id", e.EmitterId);
            w.WriteEndObject();
        }
        if (truncate) o.Bool("truncated", true);
        o.End();
    }

    /// <summary>A page of events, newest first: walks [start, end) backwards; the cursors are event ids.</summary>
    public static void WritePage(Utf8JsonWriter w, EventLog log, int start, int end, FieldFilter f, bool expand, bool liftError = false)
    {
        bool any = end > start;
        Envelope.Page(w, log.Count, end - start, any ? log[end - 1].Id : null, any ? log[start].Id : null, x =>
        {
            for (int i = end - 1; i >= start; i--) Write(x, log[i], f, expand, liftError);
        });
    }
}
