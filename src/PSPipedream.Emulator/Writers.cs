using System.Text;
using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>The JSON shapes of the API's resources, honouring include / exclude.</summary>
internal static class Writers
{
    public const int TruncateBytes = 1024;

    public static void Source(Utf8JsonWriter w, Source s, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", s.Id);
        if (f.Has("user_id")) w.WriteString("user_id", s.UserId);
        if (s.OrgId is string org && f.Has("org_id")) w.WriteString("org_id", org);
        if (f.Has("component_id")) w.WriteString("component_id", s.ComponentId);
        if (f.Has("configured_props"))
        {
            w.WritePropertyName("configured_props");
            s.ConfiguredProps.WriteTo(w);
        }
        if (f.Has("active")) w.WriteBoolean("active", s.Active);
        if (f.Has("created_at")) w.WriteNumber("created_at", s.CreatedAt);
        if (f.Has("updated_at")) w.WriteNumber("updated_at", s.UpdatedAt);
        if (f.Has("name")) w.WriteString("name", s.Name);
        if (f.Has("name_slug")) w.WriteString("name_slug", s.NameSlug);
        w.WriteEndObject();
    }

    public static void Webhook(Utf8JsonWriter w, Webhook h, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", h.Id);
        if (f.Has("user_id")) w.WriteString("user_id", h.UserId);
        if (h.OwnerId.StartsWith("o_", StringComparison.Ordinal) && f.Has("org_id")) w.WriteString("org_id", h.OwnerId);
        if (f.Has("name")) w.WriteNullableString("name", h.Name);
        if (f.Has("description")) w.WriteNullableString("description", h.Description);
        if (f.Has("url")) w.WriteString("url", h.Url);
        if (f.Has("active")) w.WriteBoolean("active", h.Active);
        if (f.Has("created_at")) w.WriteNumber("created_at", h.CreatedAt);
        if (f.Has("updated_at")) w.WriteNumber("updated_at", h.UpdatedAt);
        w.WriteEndObject();
    }

    public static void Subscription(Utf8JsonWriter w, Subscription s, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", s.Id);
        if (f.Has("emitter_id")) w.WriteString("emitter_id", s.EmitterId);
        if (f.Has("listener_id")) w.WriteString("listener_id", s.ListenerId);
        if (f.Has("event_name")) w.WriteString("event_name", s.EventName);
        w.WriteEndObject();
    }

    public static void AutoSubscription(Utf8JsonWriter w, AutoSubscription a, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", a.Id);
        if (f.Has("event_name")) w.WriteString("event_name", a.EventName);
        if (f.Has("listener_id")) w.WriteString("listener_id", a.ListenerId);
        w.WriteEndObject();
    }

    public static void Component(Utf8JsonWriter w, Component c, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", c.Id);
        if (f.Has("key")) w.WriteString("key", c.Key);
        if (f.Has("code")) w.WriteString("code", c.Code);
        if (f.Has("code_hash")) w.WriteString("code_hash", c.CodeHash);
        if (f.Has("name")) w.WriteString("name", c.Name);
        if (f.Has("version")) w.WriteString("version", c.Version);
        if (f.Has("configurable_props"))
        {
            w.WritePropertyName("configurable_props");
            c.ConfigurableProps.WriteTo(w);
        }
        if (f.Has("created_at")) w.WriteNumber("created_at", c.CreatedAt);
        if (f.Has("updated_at")) w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteEndObject();
    }

    public static void Event(Utf8JsonWriter w, EventRecord e, FieldFilter f, bool expand)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", e.Id);
        if (f.Has("indexed_at_ms")) w.WriteNumber("indexed_at_ms", e.Key.Ms);
        bool truncate = !expand && e.Json.Length > TruncateBytes;
        if (f.Has("event"))
        {
            if (truncate)
            {
                // The first 1024 bytes of the JSON, backed off so no UTF-8 character is split.
                w.WriteString("event", Encoding.UTF8.GetString(e.Json, 0, Utf8Text.PrefixLength(e.Json, TruncateBytes)));
            }
            else
            {
                w.WritePropertyName("event");
                w.WriteRawValue(e.Json, skipInputValidation: true);
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
        if (truncate && f.Has("truncated")) w.WriteBoolean("truncated", true);
        w.WriteEndObject();
    }

    public static void User(Utf8JsonWriter w, User u, Func<string, Org?> org, FieldFilter f)
    {
        w.WriteStartObject();
        if (f.Has("id")) w.WriteString("id", u.Id);
        if (f.Has("username")) w.WriteString("username", u.Username);
        if (f.Has("email")) w.WriteString("email", u.Email);
        if (f.Has("orgs"))
        {
            w.WriteStartArray("orgs");
            foreach (var id in u.OrgIds)
            {
                if (org(id) is not Org o) continue;
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteString("id", o.Id);
                w.WriteString("orgname", o.Orgname);
                w.WriteString("email", o.Email);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (u.Plan == "paid")
        {
            long now = Clock.NowSeconds();
            long start = now - now % 2_678_400;
            if (f.Has("billing_period_start_ts")) w.WriteNumber("billing_period_start_ts", start);
            if (f.Has("billing_period_end_ts")) w.WriteNumber("billing_period_end_ts", start + 2_678_400);
            if (f.Has("billing_period_invocations")) w.WriteNumber("billing_period_invocations", 0);
        }
        else
        {
            if (f.Has("daily_compute_time_quota")) w.WriteNumber("daily_compute_time_quota", 95_400_000);
            if (f.Has("daily_compute_time_used")) w.WriteNumber("daily_compute_time_used", 0);
            if (f.Has("daily_invocations_quota")) w.WriteNumber("daily_invocations_quota", 27_344);
            if (f.Has("daily_invocations_used")) w.WriteNumber("daily_invocations_used", 0);
        }
        w.WriteEndObject();
    }

    /// <summary>A page of an owner list: page_info then data, oldest first.</summary>
    public static void Page<T>(Utf8JsonWriter w, SortedItems<T>? items, int start, int end, FieldFilter f,
        Action<Utf8JsonWriter, T, FieldFilter> item) where T : class, IListed
    {
        bool any = end > start;
        w.WriteStartObject();
        PageInfo(w, items?.Count ?? 0, end - start,
            any ? Ids.Cursor(items![start].Id) : null, any ? Ids.Cursor(items![end - 1].Id) : null);
        w.WriteStartArray("data");
        for (int i = start; i < end; i++) item(w, items![i], f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A page of events, newest first: walks [start, end) backwards.</summary>
    public static void EventPage(Utf8JsonWriter w, EventLog log, int start, int end, FieldFilter f, bool expand)
    {
        bool any = end > start;
        w.WriteStartObject();
        PageInfo(w, log.Count, end - start, any ? log[end - 1].Id : null, any ? log[start].Id : null);
        w.WriteStartArray("data");
        for (int i = end - 1; i >= start; i--) Event(w, log[i], f, expand);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The page_info object of a list; the cursors are null when the page is empty.</summary>
    private static void PageInfo(Utf8JsonWriter w, int totalCount, int count, string? startCursor, string? endCursor)
    {
        w.WriteStartObject("page_info");
        w.WriteNumber("total_count", totalCount);
        w.WriteNumber("count", Math.Max(0, count));
        w.WriteNullableString("start_cursor", startCursor);
        w.WriteNullableString("end_cursor", endCursor);
        w.WriteEndObject();
    }

    public static void Data(Utf8JsonWriter w, Action<Utf8JsonWriter> inner)
    {
        w.WriteStartObject();
        w.WritePropertyName("data");
        inner(w);
        w.WriteEndObject();
    }
}
