namespace PSPipedream.Emulator;

/// <summary>
/// The last <see cref="Capacity"/> events of one emitter, oldest first. An event with an older time (a
/// backdated one) goes in its place by time, and when the log is full the oldest go, which may be that one.
/// </summary>
internal sealed class EventLog
{
    public const int Capacity = 100;
    private readonly List<EventRecord> _events = new();

    public int Count => _events.Count;

    public EventRecord this[int index] => _events[index];

    public void Add(EventRecord e)
    {
        int i = _events.Count;
        while (i > 0 && _events[i - 1].Key.CompareTo(e.Key) > 0) i--;
        _events.Insert(i, e);
        if (_events.Count > Capacity) _events.RemoveRange(0, _events.Count - Capacity);
    }

    /// <summary>The highest sequence number among this log's events of one millisecond; -1 when it has none.</summary>
    public long LastSeqAt(long ms)
    {
        int i = UpperBound(new EventKey(ms, long.MaxValue)) - 1;
        return i >= 0 && _events[i].Key.Ms == ms ? _events[i].Key.Seq : -1;
    }

    public int LowerBound(EventKey key)
    {
        int lo = 0, hi = _events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_events[mid].Key.CompareTo(key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public int UpperBound(EventKey key)
    {
        int lo = 0, hi = _events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_events[mid].Key.CompareTo(key) <= 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// One page, newest first: the ascending index range [start, end) to walk backwards.
    /// <paramref name="after"/> gives older events than the cursor, <paramref name="before"/> newer ones.
    /// </summary>
    public (int Start, int End) Page(int limit, EventKey? after, EventKey? before)
    {
        int lo = before is EventKey b ? UpperBound(b) : 0;
        int hi = after is EventKey a ? LowerBound(a) : _events.Count;
        if (hi <= lo) return (lo, lo);
        if (before.HasValue && !after.HasValue) return (lo, Math.Min(hi, lo + limit));
        return (Math.Max(lo, hi - limit), hi);
    }

    /// <summary>Removes events from start to end inclusive (either may be open). Returns how many went.</summary>
    public int RemoveRange(EventKey? start, EventKey? end)
    {
        int lo = start is EventKey s ? LowerBound(s) : 0;
        int hi = end is EventKey e ? UpperBound(e) : _events.Count;
        if (hi <= lo) return 0;
        _events.RemoveRange(lo, hi - lo);
        return hi - lo;
    }

    public void Clear() => _events.Clear();
}
