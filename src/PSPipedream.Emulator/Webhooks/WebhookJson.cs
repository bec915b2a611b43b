using System.Text.Json;

namespace PSPipedream.Emulator;

internal static class WebhookJson
{
    public static void Write(Utf8JsonWriter w, Webhook h, FieldFilter f) => Fields.Object(w, f)
        .String("id", h.Id).String("user_id", h.UserId).OptionalString("org_id", h.OrgId)
        .NullableString("name", h.Name).NullableString("description", h.Description).String("url", h.Url)
        .Bool("active", h.Active).Number("created_at", h.CreatedAt).Number("updated_at", h.UpdatedAt)
        .End();
}
