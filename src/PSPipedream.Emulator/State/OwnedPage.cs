using System.Text.Json;

namespace PSPipedream.Emulator;

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
