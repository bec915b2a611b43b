using System.Collections.Generic;

namespace PSPipedream.Http
{
    /// <summary>A page read straight into models (see <see cref="PdPageReader"/>).</summary>
    internal sealed class PdPage<T> : IPdPage where T : PdModel
    {
        public PdPage(IReadOnlyList<T> items, PdPageInfo pageInfo)
        {
            Items = items;
            PageInfo = pageInfo;
        }

        public IReadOnlyList<T> Items { get; }
        public PdPageInfo PageInfo { get; }
        public int Count => Items.Count;
        public string? IdAt(int index) => (Items[index] as IPdIdentified)?.Id;

        /// <summary>
        /// Set when an item did not fit its model: <see cref="Items"/> holds the ones before it,
        /// and the reader of the page throws this after writing them.
        /// </summary>
        public PdApiException? Problem { get; internal set; }

        /// <summary>What the item that did not fit its model failed with (Problem is made from it).</summary>
        internal Newtonsoft.Json.JsonException? Misfit { get; set; }

        /// <summary>Items the answer held past the limit the request asked for, read over and left out.</summary>
        internal int Dropped { get; set; }

        public PdResponse? Origin { get; internal set; }
    }
}
