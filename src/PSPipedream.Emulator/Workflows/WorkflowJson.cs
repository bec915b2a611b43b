using System.Text.Json;

namespace PSPipedream.Emulator;

internal static class WorkflowJson
{
    /// <summary>A workflow as the control API answers it when it makes one.</summary>
    public static void WriteForControl(Utf8JsonWriter w, Workflow wf)
    {
        w.WriteStartObject();
        w.WriteString("id", wf.Id);
        w.WriteString("owner_id", wf.OwnerId);
        w.WriteNumber("created_at", wf.CreatedAt);
        w.WriteString("errors_shape", wf.ErrorsAtTopLevel ? ErrorShape.TopLevel : ErrorShape.Nested);
        w.WriteEndObject();
    }
}
