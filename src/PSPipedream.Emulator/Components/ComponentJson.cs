using System.Text.Json;

namespace PSPipedream.Emulator;

internal static class ComponentJson
{
    public static void Write(Utf8JsonWriter w, Component c, FieldFilter f) => Fields.Object(w, f)
        .String("id", c.Id).String("key", c.Key)
        .String("code", c.Code).String("code_hash", c.CodeHash)
        .String("name", c.Name).String("version", c.Version)
        .Json("configurable_props", c.ConfigurableProps)
        .Number("created_at", c.CreatedAt).Number("updated_at", c.UpdatedAt)
        .End();
}
