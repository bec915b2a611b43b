using System.Text.Json;

namespace PSPipedream.Emulator;

internal static class SourceJson
{
    public static void Write(Utf8JsonWriter w, Source s, FieldFilter f) => Fields.Object(w, f)
        .String("id", s.Id).String("user_id", s.UserId).OptionalString("org_id", s.OrgId)
        .String("component_id", s.ComponentId).Json("configured_props", s.ConfiguredProps)
        .Bool("active", s.Active).Number("created_at", s.CreatedAt).Number("updated_at", s.UpdatedAt)
        .String("name", s.Name).String("name_slug", s.NameSlug)
        .End();
}
