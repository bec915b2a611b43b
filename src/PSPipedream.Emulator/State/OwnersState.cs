namespace PSPipedream.Emulator;

/// <summary>Each owner's lists, made on first use, and the page of one of them that a list route asks for.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, OwnerIndex> _owners = new(StringComparer.Ordinal);

    public OwnerIndex Owner(string ownerId)
    {
        if (!_owners.TryGetValue(ownerId, out var index))
        {
            index = new OwnerIndex();
            _owners[ownerId] = index;
        }
        return index;
    }

    public OwnerIndex? OwnerIfAny(string ownerId) => _owners.GetValueOrDefault(ownerId);

    /// <summary>A page of the list <paramref name="pick"/> chooses; empty when the owner has none or a cursor names no item.</summary>
    public OwnedPage<T> PageOf<T>(string ownerId, Func<OwnerIndex, SortedItems<T>> pick, int limit, string? after, string? before)
        where T : class, IListed
    {
        long? afterSeq = after is null ? null : CursorSeq(after, "after");
        long? beforeSeq = before is null ? null : CursorSeq(before, "before");
        bool unknownCursor = (after is not null && afterSeq is null) || (before is not null && beforeSeq is null);
        var items = OwnerIfAny(ownerId) is OwnerIndex index ? pick(index) : null;
        var (start, end) = items is null || unknownCursor ? (0, 0) : items.Page(limit, afterSeq, beforeSeq);
        return new OwnedPage<T>(items, start, end);
    }
}
