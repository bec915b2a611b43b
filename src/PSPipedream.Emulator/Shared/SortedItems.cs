namespace PSPipedream.Emulator;

/// <summary>An item of an owner's list: ordered by <see cref="Seq"/>, named by <see cref="Id"/>.</summary>
internal interface IListed
{
    long Seq { get; }
    string Id { get; }
}

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
