namespace PSPipedream.Emulator;

/// <summary>Public components every user can reach: the global registry.</summary>
internal static partial class Registry
{
    internal sealed record Entry(string Id, string Key, string Name, string PathSuffix, string Code, string PropsJson);

    public static Component[] Build()
    {
        const long created = 1588866900;
        return Entries.Select(e => new Component(
            e.Id, e.Key, e.Name, Version: "0.0.1", e.Code, ComponentCode.Hash(e.Code), JsonOut.Parse(e.PropsJson),
            ComponentUrl: "https://github.com/PipedreamHQ/pipedream/blob/master" + e.PathSuffix,
            OwnerId: null, Seq: 0, CreatedAt: created, UpdatedAt: created)).ToArray();
    }

    /// <summary>The registry entry a component URL points at (github blob/raw links of the components tree).</summary>
    public static Entry? ForUrl(Uri url)
    {
        string path = url.AbsolutePath;
        foreach (var e in Entries)
        {
            string suffix = e.PathSuffix["/components".Length..];
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return e;
            string mjs = suffix[..^3] + ".mjs";
            if (path.EndsWith(mjs, StringComparison.OrdinalIgnoreCase)) return e;
        }
        return null;
    }
}
