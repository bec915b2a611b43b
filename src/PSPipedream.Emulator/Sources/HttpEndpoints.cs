using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// The endpoint URL the server gives every HTTP interface prop of a source, as the reference's source
/// listings show it: <c>configured_props.http.endpoint_url</c>. It is the server's, never the client's.
/// </summary>
internal static class HttpEndpoints
{
    public const string InterfaceType = "$.interface.http";

    /// <summary>Derived from the source id, so it stays the same through every update and differs between sources.</summary>
    public static string For(string sourceId)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)));
        return $"https://en{hash[..14]}.m.pipedream.net";
    }

    /// <summary>
    /// The props with <c>endpoint_url</c> set in the value of each HTTP interface prop the component declares
    /// (the value's other fields kept); props unchanged when it declares none.
    /// </summary>
    public static JsonElement Apply(JsonElement props, Component component, string sourceId)
    {
        var names = HttpPropNames(component);
        if (names.Count == 0) return props;
        string url = For(sourceId);
        return JsonOut.ToElement(w =>
        {
            w.WriteStartObject();
            foreach (var p in props.EnumerateObject())
            {
                if (names.Contains(p.Name)) continue;
                p.WriteTo(w);
            }
            foreach (string name in names)
            {
                w.WriteStartObject(name);
                if (props.TryGetProperty(name, out var given) && given.ValueKind == JsonValueKind.Object)
                {
                    foreach (var f in given.EnumerateObject())
                        if (f.Name != "endpoint_url") f.WriteTo(w);
                }
                w.WriteString("endpoint_url", url);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    private static List<string> HttpPropNames(Component component)
    {
        var names = new List<string>();
        if (component.ConfigurableProps.ValueKind != JsonValueKind.Array) return names;
        foreach (var prop in component.ConfigurableProps.EnumerateArray())
        {
            if (prop.ValueKind == JsonValueKind.Object
                && prop.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == InterfaceType
                && prop.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                names.Add(n.GetString()!);
        }
        return names;
    }
}
