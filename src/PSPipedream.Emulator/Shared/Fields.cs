using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// Writes the fields of one data object, leaving out those that include / exclude drop, so that a
/// shape names each field once.
/// </summary>
internal readonly struct Fields(Utf8JsonWriter w, FieldFilter f)
{
    /// <summary>Starts a data object; <see cref="End"/> closes it.</summary>
    public static Fields Object(Utf8JsonWriter w, FieldFilter f)
    {
        w.WriteStartObject();
        return new Fields(w, f);
    }

    public void End() => w.WriteEndObject();

    public Fields String(string name, string value)
    {
        if (f.Has(name)) w.WriteString(name, value);
        return this;
    }

    /// <summary>A string that is written as null when there is none.</summary>
    public Fields NullableString(string name, string? value)
    {
        if (f.Has(name)) w.WriteNullableString(name, value);
        return this;
    }

    /// <summary>A string that is left out when there is none.</summary>
    public Fields OptionalString(string name, string? value)
    {
        if (value is not null && f.Has(name)) w.WriteString(name, value);
        return this;
    }

    public Fields Number(string name, long value)
    {
        if (f.Has(name)) w.WriteNumber(name, value);
        return this;
    }

    public Fields Bool(string name, bool value)
    {
        if (f.Has(name)) w.WriteBoolean(name, value);
        return this;
    }

    public Fields Json(string name, JsonElement value)
    {
        if (f.Has(name))
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
        return this;
    }
}
