using System;
using System.Collections.Generic;
using System.Globalization;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>How far and which way a list is walked.</summary>
    internal sealed class PdPagingOptions
    {
        /// <summary>Walk every page (until a stop condition). Otherwise one page, or as many as <see cref="MaxItems"/> needs.</summary>
        public bool All { get; set; }

        /// <summary>Items per request; null leaves the API's default (10) unless -All/-First decide.</summary>
        public int? PageSize { get; set; }

        /// <summary>Stop once this many items have been read (e.g. -First + -Skip). Null: no cap.</summary>
        public long? MaxItems { get; set; }

        /// <summary>Start after this cursor (walks forward).</summary>
        public string? After { get; set; }

        /// <summary>Start before this cursor (walks backwards, using start_cursor and before).</summary>
        public string? Before { get; set; }

        /// <summary>When set, the walk uses full pages (PageSize or 100) and ignores MaxItems for the limit (client-side filters).</summary>
        public bool FullPages { get; set; }

        public const int MaxPageSize = 100;
    }

    /// <summary>
    /// Walks a cursor-paged list one page at a time. It is lazy: a page is requested only when
    /// the caller asks for the next one, so a consumer that stops early stops the requests.
    /// Stops on an empty page, a missing or empty cursor, total_count reached, or MaxItems reached. A cursor
    /// given before, or a full page of only the previous page's items, is PdInvalidResponse: the walk never loops.
    /// </summary>
    internal static class PdPager
    {
        /// <param name="request">The list request (path and extra query); limit/after/before are set here.</param>
        /// <param name="options">How far and which way to walk.</param>
        /// <param name="fetch">Sends one request and returns its page (the cmdlet blocks here, on its own thread).</param>
        public static IEnumerable<TPage> Pages<TPage>(PdRequest request, PdPagingOptions options, Func<PdRequest, TPage> fetch) where TPage : IPdPage
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (fetch == null) throw new ArgumentNullException(nameof(fetch));
            if (options.After != null && options.Before != null)
                throw new ArgumentException("After and Before cannot be used together.", nameof(options));
            return Walk(request, options, fetch);
        }

        private static IEnumerable<TPage> Walk<TPage>(PdRequest template, PdPagingOptions options, Func<PdRequest, TPage> fetch) where TPage : IPdPage
        {
            var backwards = options.Before != null;
            var cursorName = backwards ? "before" : "after";
            var cursor = backwards ? options.Before : options.After;
            var seenCursors = new HashSet<string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(cursor)) seenCursors.Add(cursor!);
            long fetched = 0;
            HashSet<string>? previousIds = null;
            var multiPage = options.All || options.MaxItems.HasValue || options.FullPages;

            while (true)
            {
                if (options.MaxItems.HasValue && fetched >= options.MaxItems.Value) yield break;

                var limit = NextLimit(options, fetched);
                var page = fetch(PageRequest(template, limit, cursorName, cursor));
                if (multiPage && limit.HasValue && page.Count >= limit.Value && AddsNothing(page, previousIds))
                {
                    throw PdAnswer.Invalid(page.Origin, string.Format(CultureInfo.InvariantCulture,
                        "with a full page of the same {0} items as the page before it; stopped after {1} items so the walk cannot loop forever",
                        page.Count, fetched));
                }
                fetched += page.Count;
                yield return page;

                if (!multiPage) yield break;
                if (page.Count == 0) yield break;
                var total = page.PageInfo.TotalCount;
                // total_count counts the whole list: no walk can read more than that.
                if (total.HasValue && fetched >= total.Value) yield break;
                var next = backwards ? page.PageInfo.StartCursor : page.PageInfo.EndCursor;
                if (string.IsNullOrEmpty(next)) yield break;
                if (!seenCursors.Add(next!))
                {
                    throw PdAnswer.Invalid(page.Origin, string.Format(CultureInfo.InvariantCulture,
                        "with the cursor '{0}', which an earlier page already gave; stopped after {1} items so the walk cannot loop forever",
                        PdText.Quote(next), fetched));
                }
                cursor = next;
                previousIds = IdsOf(page);
            }
        }

        /// <summary>The walk's first request: what <see cref="Pages"/> sends first, for starting it early.</summary>
        public static PdRequest FirstRequest(PdRequest request, PdPagingOptions options)
        {
            var backwards = options.Before != null;
            return PageRequest(request, NextLimit(options, 0), backwards ? "before" : "after", backwards ? options.Before : options.After);
        }

        private static PdRequest PageRequest(PdRequest template, int? limit, string cursorName, string? cursor)
        {
            var request = template.Clone();
            request.RemoveQuery("limit").RemoveQuery("after").RemoveQuery("before");
            if (limit.HasValue) request.WithQuery("limit", limit.Value.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(cursor)) request.WithQuery(cursorName, cursor);
            return request;
        }

        /// <summary>True when every item of the page has an id and all of them were on the page before.</summary>
        private static bool AddsNothing(IPdPage page, HashSet<string>? previousIds)
        {
            if (previousIds == null || page.Count == 0) return false;
            for (var i = 0; i < page.Count; i++)
            {
                var id = page.IdAt(i);
                if (id == null || !previousIds.Contains(id)) return false;
            }
            return true;
        }

        private static HashSet<string> IdsOf(IPdPage page)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < page.Count; i++)
            {
                var id = page.IdAt(i);
                if (id != null) ids.Add(id);
            }
            return ids;
        }

        /// <summary>
        /// The limit of the next request: with MaxItems, min(remaining, PageSize or 100);
        /// with All, PageSize or 100; otherwise PageSize (null leaves the API default).
        /// </summary>
        internal static int? NextLimit(PdPagingOptions options, long fetched)
        {
            var size = options.PageSize ?? (options.All || options.MaxItems.HasValue || options.FullPages ? PdPagingOptions.MaxPageSize : (int?)null);
            if (options.FullPages) return size;
            if (options.MaxItems.HasValue)
            {
                var remaining = options.MaxItems.Value - fetched;
                var cap = size ?? PdPagingOptions.MaxPageSize;
                return (int)Math.Max(1, Math.Min(remaining, cap));
            }
            return size;
        }
    }
}
