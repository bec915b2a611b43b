namespace PSPipedream.Emulator;

/// <summary>
/// Items kept in ascending <see cref="IListed.Seq"/> order. New items almost always append at the
/// end, so adds are O(1) amortised; finding a cursor is a binary search. Not thread-safe: the
/// state lock guards it.
/// </summary>
internal sealed class SortedItems<T> where T : class, IListed
{
    private readonly List<T> _items = new();

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public void Add(T item)
    {
        if (_items.Count == 0 || _items[^1].Seq < item.Seq)
        {
            _items.Add(item);
            return;
        }
        _items.Insert(LowerBound(item.Seq), item);
    }

    public bool Remove(T item)
    {
        int i = LowerBound(item.Seq);
        if (i < _items.Count && ReferenceEquals(_items[i], item))
        {
            _items.RemoveAt(i);
            return true;
        }
        return false;
    }

    public void Replace(T oldItem, T newItem)
    {
        int i = LowerBound(oldItem.Seq);
        if (i < _items.Count && ReferenceEquals(_items[i], oldItem)) _items[i] = newItem;
    }

    /// <summary>First index whose Seq is &gt;= seq.</summary>
    public int LowerBound(long seq)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Seq < seq) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>First index whose Seq is &gt; seq.</summary>
    public int UpperBound(long seq)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Seq <= seq) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The index range [start, end) of one page, oldest first. With only <paramref name="beforeSeq"/>
    /// the page holds the items closest before it.
    /// </summary>
    public (int Start, int End) Page(int limit, long? afterSeq, long? beforeSeq)
    {
        int lo = afterSeq is long a ? UpperBound(a) : 0;
        int hi = beforeSeq is long b ? LowerBound(b) : _items.Count;
        if (hi <= lo) return (lo, lo);
        int n = Math.Min(limit, hi - lo);
        if (beforeSeq.HasValue && !afterSeq.HasValue) return (hi - n, hi);
        return (lo, lo + n);
    }

    public IEnumerable<T> All() => _items;

    public void Clear() => _items.Clear();
}

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

internal sealed class EventRecord
{
    public required EventKey Key { get; init; }
    public required string Id { get; init; }
    public required byte[] Json { get; init; }
    public required string EmitId { get; init; }
    public required string Name { get; init; }
    public required string EmitterId { get; init; }
}

/// <summary>The last <see cref="Capacity"/> events of one emitter, oldest first.</summary>
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
