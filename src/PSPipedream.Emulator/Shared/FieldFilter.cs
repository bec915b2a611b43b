namespace PSPipedream.Emulator;

/// <summary>The include / exclude common parameters: which top-level fields of a data object are written.</summary>
internal sealed class FieldFilter
{
    public static readonly FieldFilter All = new(null, null);

    private readonly HashSet<string>? _include;
    private readonly HashSet<string>? _exclude;

    private FieldFilter(HashSet<string>? include, HashSet<string>? exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    public static FieldFilter From(string? include, string? exclude)
    {
        var inc = Split(include);
        var exc = Split(exclude);
        return inc is null && exc is null ? All : new FieldFilter(inc, exc);
    }

    private static HashSet<string>? Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) set.Add(part);
        return set.Count == 0 ? null : set;
    }

    public bool Has(string field) =>
        (_include is null || _include.Contains(field)) && (_exclude is null || !_exclude.Contains(field));
}
