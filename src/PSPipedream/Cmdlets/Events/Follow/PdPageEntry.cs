using System.Collections.Generic;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// One item of a followed page as the API listed it: an event, or one that did not fit its
    /// model. Both count in the emitter's window, so an event that does not fit is new (and told)
    /// once, like any other, and forgotten when it leaves the page.
    /// </summary>
    internal readonly struct PdPageEntry<T> where T : Event
    {
        private PdPageEntry(T? item, PdMisfit? misfit)
        {
            Item = item;
            Misfit = misfit;
        }

        public T? Item { get; }

        public PdMisfit? Misfit { get; }

        public string? Id => Misfit != null ? Misfit.Id : Item!.Id;

        /// <summary>The page's items in the order the API listed them (newest first), misfits in their places.</summary>
        public static List<PdPageEntry<T>> Of(PdPage<T> page)
        {
            var entries = new List<PdPageEntry<T>>(page.Fitting.Count + page.Misfits.Count);
            var fitting = 0;
            foreach (var misfit in page.Misfits)
            {
                while (entries.Count < misfit.Position) entries.Add(new PdPageEntry<T>(page.Fitting[fitting++], null));
                entries.Add(new PdPageEntry<T>(null, misfit));
            }
            while (fitting < page.Fitting.Count) entries.Add(new PdPageEntry<T>(page.Fitting[fitting++], null));
            return entries;
        }
    }
}
