namespace PSPipedream.Emulator;

/// <summary>An event id: <c>&lt;ms&gt;-&lt;seq&gt;</c>, ordered by time then sequence.</summary>
internal readonly record struct EventKey(long Ms, long Seq) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        int c = Ms.CompareTo(other.Ms);
        return c != 0 ? c : Seq.CompareTo(other.Seq);
    }

    public override string ToString() => $"{Ms}-{Seq}";

    public static bool TryParse(string? text, out EventKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text)) return false;
        int dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1) return false;
        var ms = text.AsSpan(0, dash);
        var seq = text.AsSpan(dash + 1);
        foreach (char ch in ms) if (ch is < '0' or > '9') return false;
        foreach (char ch in seq) if (ch is < '0' or > '9') return false;
        if (!long.TryParse(ms, out long m) || !long.TryParse(seq, out long s)) return false;
        key = new EventKey(m, s);
        return true;
    }
}
