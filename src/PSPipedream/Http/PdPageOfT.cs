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

        /// <summary>Every item of the page that fit its model, including those after a misfit.</summary>
        internal IReadOnlyList<T> Fitting
        {
            get => _fitting ?? Items;
            set => _fitting = value;
        }

        private IReadOnlyList<T>? _fitting;

        /// <summary>The items that did not fit their model, in page order (Problem is made from the first).</summary>
        internal IReadOnlyList<PdMisfit> Misfits { get; set; } = System.Array.Empty<PdMisfit>();

        /// <summary>Items the answer held past the limit the request asked for, read over and left out.</summary>
        internal int Dropped { get; set; }

        public PdResponse? Origin { get; internal set; }
    }
}
