using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>Normalises configured props the way the API stores them.</summary>
internal static class Props
{
    public const int MinIntervalSeconds = 15;

    /// <summary>
    /// Copies the props object, turning every timer value (an object holding only
    /// intervalSeconds / interval_seconds / cron) into <c>{"cron": ..., "interval_seconds": ...}</c>.
    /// </summary>
    public static JsonElement Normalise(JsonElement props)
    {
        if (props.ValueKind != JsonValueKind.Object)
            throw new ApiException(400, "configured_props must be a JSON object");
        return JsonOut.ToElement(w =>
        {
            w.WriteStartObject();
            foreach (var p in props.EnumerateObject())
            {
                if (IsTimer(p.Value))
                {
                    w.WritePropertyName(p.Name);
                    WriteTimer(w, p.Name, p.Value);
                }
                else
                {
                    p.WriteTo(w);
                }
            }
            w.WriteEndObject();
        });
    }

    private static bool IsTimer(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return false;
        bool any = false;
        foreach (var p in value.EnumerateObject())
        {
            if (p.Name is not ("intervalSeconds" or "interval_seconds" or "cron")) return false;
            any = true;
        }
        return any;
    }

    private static void WriteTimer(Utf8JsonWriter w, string name, JsonElement timer)
    {
        string? cron = null;
        long? interval = null;
        foreach (var p in timer.EnumerateObject())
        {
            if (p.Name == "cron")
            {
                if (p.Value.ValueKind == JsonValueKind.String) cron = p.Value.GetString();
                else if (p.Value.ValueKind != JsonValueKind.Null)
                    throw new ApiException(400, $"configured_props.{name}.cron must be a string");
            }
            else if (p.Value.ValueKind != JsonValueKind.Null)
            {
                interval = p.Value.ValueKind switch
                {
                    JsonValueKind.Number when p.Value.TryGetInt64(out long n) => n,
                    JsonValueKind.String when long.TryParse(p.Value.GetString(), out long n) => n,
                    _ => throw new ApiException(400, $"configured_props.{name}.{p.Name} must be a whole number of seconds"),
                };
            }
        }
        if (!string.IsNullOrWhiteSpace(cron))
        {
            if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
                throw new ApiException(400, $"configured_props.{name}.cron is not a cron expression");
            interval = null;
        }
        else
        {
            cron = null;
            if (interval is null)
                throw new ApiException(400, $"configured_props.{name} needs intervalSeconds or cron");
            if (interval < MinIntervalSeconds)
                throw new ApiException(400, $"configured_props.{name}: the shortest interval is {MinIntervalSeconds} seconds");
        }
        w.WriteStartObject();
        w.WriteNullableString("cron", cron);
        if (interval is long i) w.WriteNumber("interval_seconds", i); else w.WriteNull("interval_seconds");
        w.WriteEndObject();
    }
}
