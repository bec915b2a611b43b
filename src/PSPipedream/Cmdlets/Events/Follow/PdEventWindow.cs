using System;
using System.Collections.Generic;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The event ids of one followed source or workflow that the API can still list: those of its
    /// newest page. The API keeps only the last <see cref="Size"/> events, so an id that left the
    /// page can never come back and is forgotten; memory stays at one page per emitter however
    /// long the wait. An event is new when its id is not on the last page, unless that page was
    /// full and the event is older than all of it (it was merely past the page, say after a delete).
    /// </summary>
    internal sealed class PdEventWindow
    {
        /// <summary>The API's retention: the events of a source or workflow it lists at most, and the page each poll asks for.</summary>
        public const int Size = 100;

        private HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private PdEventId? _oldest;
        private bool _full;

        /// <summary>True once a page has been taken: from then on a full page of new events may mean a gap.</summary>
        public bool IsSeeded { get; private set; }

        /// <summary>The newest event id on the last page, if it held any.</summary>
        public PdEventId? Newest { get; private set; }

        /// <summary>How many ids are kept (at most one page).</summary>
        public int Count => _ids.Count;

        /// <summary>Takes a page's ids (newest first, as the API lists them) and says which are new; the page becomes the window.</summary>
        public PdWindowChange Update(IReadOnlyList<string?> ids)
        {
            if (ids == null) throw new ArgumentNullException(nameof(ids));
            var fresh = new List<int>();
            var page = new HashSet<string>(StringComparer.Ordinal);
            PdEventId? oldest = null, newest = null;
            for (var i = 0; i < ids.Count; i++)
            {
                var text = ids[i];
                // An event without an id cannot be told from the next poll's copy of it; it is never written twice by leaving it out.
                if (text == null || !page.Add(text)) continue;
                var id = new PdEventId(text);
                if (IsNew(id)) fresh.Add(i);
                if (oldest == null || id.CompareTo(oldest.Value) < 0) oldest = id;
                if (newest == null || id.CompareTo(newest.Value) > 0) newest = id;
            }
            var mayHaveGap = IsSeeded && ids.Count >= Size && fresh.Count == ids.Count;
            var change = new PdWindowChange(fresh, mayHaveGap, Newest);
            _ids = page;
            _oldest = oldest;
            Newest = newest;
            _full = ids.Count >= Size;
            IsSeeded = true;
            return change;
        }

        private bool IsNew(PdEventId id) =>
            !_ids.Contains(id.Text) && !(_full && _oldest is PdEventId oldest && id.CompareTo(oldest) < 0);
    }

    /// <summary>What one page brought: the positions of its new events (in page order, newest first), and whether events may have been lost before them.</summary>
    internal sealed class PdWindowChange
    {
        public PdWindowChange(IReadOnlyList<int> newIndexes, bool mayHaveGap, PdEventId? lastSeen)
        {
            NewIndexes = newIndexes;
            MayHaveGap = mayHaveGap;
            LastSeen = lastSeen;
        }

        public IReadOnlyList<int> NewIndexes { get; }

        /// <summary>A full page, every event new: more may have come since the last poll than the API keeps.</summary>
        public bool MayHaveGap { get; }

        /// <summary>The newest event known before this page.</summary>
        public PdEventId? LastSeen { get; }
    }
}
