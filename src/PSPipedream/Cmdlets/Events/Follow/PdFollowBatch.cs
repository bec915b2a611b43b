using System.Collections.Generic;
using System.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The new events of one poll round, from every emitter polled in it, to be written as one
    /// stream in time order: by event id, then (for the same id) in the order the emitters were given.
    /// </summary>
    internal sealed class PdFollowBatch<T> where T : Event
    {
        private readonly List<Entry> _entries = new List<Entry>();

        public int Count => _entries.Count;

        public void Add(T item, PdFollowedEmitter emitter) => _entries.Add(new Entry(item, new PdEventId(item.Id ?? string.Empty), emitter.Position));

        /// <summary>The events oldest first (a stable order, so one emitter's events keep their own order on equal ids).</summary>
        public IEnumerable<T> InTimeOrder() =>
            _entries.OrderBy(e => e.Id).ThenBy(e => e.Position).Select(e => e.Item);

        private readonly struct Entry
        {
            public Entry(T item, PdEventId id, int position)
            {
                Item = item;
                Id = id;
                Position = position;
            }

            public T Item { get; }
            public PdEventId Id { get; }
            public int Position { get; }
        }
    }
}
