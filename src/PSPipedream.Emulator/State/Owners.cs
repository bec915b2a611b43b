using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>Everything one owner (a user or an org) holds, kept in creation order.</summary>
internal sealed class OwnerIndex
{
    public SortedItems<Source> Sources { get; } = new();
    public SortedItems<Webhook> Webhooks { get; } = new();
    public SortedItems<Subscription> Subscriptions { get; } = new();
    public List<AutoSubscription> AutoSubscriptions { get; } = new();
}

/// <summary>One page of an owner's list: the index range [Start, End) of <see cref="Items"/>, oldest first.</summary>
internal readonly record struct OwnedPage<T>(SortedItems<T>? Items, int Start, int End) where T : class, IListed
{
    /// <summary>page_info then data; the cursors name the first and last item of the page.</summary>
    public void Write(Utf8JsonWriter w, FieldFilter f, Shape<T> shape)
    {
        var (items, start, end) = (Items, Start, End);
        bool any = end > start;
        Envelope.Page(w, items?.Count ?? 0, end - start,
            any ? Cursors.Encode(items![start].Id) : null, any ? Cursors.Encode(items![end - 1].Id) : null,
            x =>
            {
                for (int i = start; i < end; i++) shape(x, items![i], f);
            });
    }
}

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
