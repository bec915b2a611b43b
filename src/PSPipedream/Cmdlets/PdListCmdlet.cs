using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Http;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of every list cmdlet. Declare the cmdlet with SupportsPaging = true; provide
    /// <see cref="CreateListRequest"/> (path and extra query) and, if needed, <see cref="Prepare"/>
    /// (fill in context such as OrgId) or <see cref="Matches"/> (a client-side filter, which makes
    /// the walk cover every page). The base handles -All, -First, -Skip, -IncludeTotalCount,
    /// -PageSize, -After, -Before, -Property and -ExcludeProperty, and writes each item as its page arrives.
    /// </summary>
    public abstract class PdListCmdlet<T> : PdCmdlet where T : PdModel
    {
        /// <summary>Every page, not just the first.</summary>
        [Parameter(HelpMessage = "Return every item, page by page (limit=100 per request unless -PageSize is given).")]
        public SwitchParameter All { get; set; }

        /// <summary>Items per request (1..100).</summary>
        [Parameter(HelpMessage = "Items per request, 1 to 100. Default: 100, the API's maximum (one page without -All).")]
        [ValidateRange(1, PdPagingOptions.MaxPageSize)]
        public int PageSize { get; set; }

        /// <summary>Start after this cursor (page_info.end_cursor of an earlier page).</summary>
        [Parameter(HelpMessage = "A cursor (page_info.end_cursor): list the items after it.")]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Start before this cursor and page backwards.</summary>
        [Parameter(HelpMessage = "A cursor (page_info.start_cursor): list the items before it, paging backwards.")]
        [ValidateNotNullOrEmpty]
        public string? Before { get; set; }

        /// <summary>Only these fields (PascalCase property names; sent as the API's include).</summary>
        [Parameter(HelpMessage = "Ask the API for these fields only, e.g. Id,CreatedAt (sent as include=id,created_at).")]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        /// <summary>Leave these fields out (sent as the API's exclude).</summary>
        [Parameter(HelpMessage = "Ask the API to leave these fields out (sent as exclude=...).")]
        [ValidateNotNullOrEmpty]
        public string[]? ExcludeProperty { get; set; }

        /// <summary>The list request: path and any extra query (limit, cursors, include/exclude are added by the base).</summary>
        protected abstract PdRequest CreateListRequest();

        /// <summary>Fills in context on an item (e.g. OrgId); return null to drop it.</summary>
        protected virtual T? Prepare(T item) => item;

        /// <summary>True when <see cref="Matches"/> filters items client side (the walk then covers every page).</summary>
        protected virtual bool HasClientFilter => false;

        /// <summary>Client-side filter; -First and -Skip count only matching items.</summary>
        protected virtual bool Matches(T item) => true;

        /// <summary>Checked after each item and page: true stops the walk (e.g. every asked id was found).</summary>
        protected virtual bool IsComplete => false;

        /// <summary>Fields always asked for when -Property is used (e.g. "id" when matching by id).</summary>
        protected virtual IEnumerable<string> RequiredFields => Enumerable.Empty<string>();

        /// <summary>What the items are called in the "Showing 100 of 250 sources" warning.</summary>
        protected virtual string ItemsName => PdJson.ToSnakeCase(typeof(T).Name).Replace('_', ' ') + "s";

        /// <summary>Called after an item was written.</summary>
        protected virtual void OnItemWritten(T item)
        {
        }

        protected override void ProcessPdRecord() => WriteList(CreateListRequest());

        /// <summary>Maps PascalCase property names to this model's API field names (id,created_at,...).</summary>
        internal static string MapFields(IEnumerable<string> names) =>
            string.Join(",", names.SelectMany(n => n.Split(',')).Where(n => n.Trim().Length > 0)
                .Select(n => PdFieldMap.ToApiName<T>(n)).Distinct(StringComparer.Ordinal));

        /// <summary>Walks <paramref name="request"/> according to the paging parameters and writes each item.</summary>
        protected void WriteList(PdRequest request)
        {
            var walk = PlanWalk(request);
            if (walk != null) WriteWalk(walk, SendForPage<T>);
        }

        /// <summary>
        /// Like <see cref="WriteList"/> for one pipeline item among many (-ThrottleLimit): the first
        /// page is asked for now, and the list is written in the item's turn, after
        /// <paramref name="beforeWrite"/> (which restores what <see cref="Prepare"/> needs). Further
        /// pages of the item are read then, one after the other.
        /// </summary>
        protected void DispatchList(PdRequest request, object? target, Action beforeWrite)
        {
            var walk = PlanWalk(request);
            if (walk == null) return;
            Dispatch(target, () => SendForPageAsync<T>(PdPager.FirstRequest(walk.Request, walk.Options)), firstPage =>
            {
                beforeWrite();
                var fetched = false;
                WriteWalk(walk, next =>
                {
                    if (fetched) return SendForPage<T>(next);
                    fetched = true;
                    return firstPage;
                });
            });
        }

        /// <summary>What a walk needs from the paging parameters; null when there is nothing to ask for (-First 0).</summary>
        private sealed class WalkPlan
        {
            public WalkPlan(PdRequest request, PdPagingOptions options, ulong first, ulong skip, bool includeTotal)
            {
                Request = request;
                Options = options;
                First = first;
                Skip = skip;
                IncludeTotal = includeTotal;
            }

            public PdRequest Request { get; }
            public PdPagingOptions Options { get; }
            public ulong First { get; }
            public ulong Skip { get; }
            public bool IncludeTotal { get; }
            public bool FirstGiven => First != ulong.MaxValue;
        }

        private WalkPlan? PlanWalk(PdRequest request)
        {
            if (After != null && Before != null)
            {
                ThrowInvalidArgument("Before", "-After and -Before cannot be used together.", Before);
            }
            var paging = PagingParameters;
            var first = paging?.First ?? ulong.MaxValue;
            var skip = paging?.Skip ?? 0UL;
            var includeTotal = paging != null && paging.IncludeTotalCount.IsPresent;
            var firstGiven = first != ulong.MaxValue;
            if (firstGiven && first == 0 && !includeTotal) return null;

            if (Property != null) request.SetQuery("include", MapFields(Property.Concat(RequiredFields)));
            if (ExcludeProperty != null)
            {
                var required = new HashSet<string>(RequiredFields.Select(f => PdFieldMap.ToApiName<T>(f)), StringComparer.Ordinal);
                var excluded = MapFields(ExcludeProperty).Split(',').Where(f => f.Length > 0 && !required.Contains(f)).ToArray();
                if (excluded.Length > 0) request.SetQuery("exclude", string.Join(",", excluded));
            }
            return new WalkPlan(request, BuildOptions(first, skip, firstGiven), first, skip, includeTotal);
        }

        private void WriteWalk(WalkPlan walk, Func<PdRequest, PdPage<T>> fetch)
        {
            var options = walk.Options;
            var first = walk.First;
            var skip = walk.Skip;
            ulong skipped = 0, written = 0;
            var totalWritten = false;
            PdPage<T>? lastPage = null;
            var progress = new PdWalkProgress(this, MyInvocation.MyCommand.Name);
            try
            {
                foreach (var page in PdPager.Pages(walk.Request, options, progress.Around(fetch)))
                {
                    lastPage = page;
                    // The cursors are what -After / -Before take; -Verbose is where a user finds them.
                    WriteVerboseLine(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "Page: {0} items of {1}; start_cursor {2}, end_cursor {3}",
                        page.Count, page.PageInfo.TotalCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                        page.PageInfo.StartCursor ?? "(none)", page.PageInfo.EndCursor ?? "(none)"));
                    if (walk.IncludeTotal && !totalWritten)
                    {
                        var total = page.PageInfo.TotalCount;
                        WriteObject(PagingParameters!.NewTotalCount(total.HasValue ? (ulong)Math.Max(0, total.Value) : 0UL, total.HasValue ? 1.0 : 0.0));
                        totalWritten = true;
                    }
                    foreach (var model in page.Items)
                    {
                        if (written >= first) return;
                        var item = Prepare(model);
                        if (item == null || !Matches(item)) continue;
                        if (skipped < skip)
                        {
                            skipped++;
                            continue;
                        }
                        WriteModel(item);
                        written++;
                        OnItemWritten(item);
                        if (written >= first || IsComplete) return;
                    }
                    // An item that did not fit its model: the ones before it are written, then this error.
                    if (page.Problem != null) throw page.Problem;
                    if (IsComplete) return;
                }
            }
            finally
            {
                progress.Complete();
            }

            // A plain call reads one page; say so when it did not hold everything.
            var plain = !options.All && !walk.FirstGiven && skip == 0 && !walk.IncludeTotal && !IsBound(nameof(PageSize)) && After == null && Before == null;
            if (plain && lastPage != null && MoreExist(lastPage, written, options.PageSize)) WriteWarningLine(MoreWarning(lastPage, written));
        }

        private static bool MoreExist(IPdPage page, ulong written, int? limit)
        {
            var total = page.PageInfo.TotalCount;
            if (total.HasValue) return (ulong)total.Value > written;
            return limit.HasValue && page.Count >= limit.Value && !string.IsNullOrEmpty(page.PageInfo.EndCursor);
        }

        private string MoreWarning(IPdPage page, ulong written)
        {
            var shown = written.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            var total = page.PageInfo.TotalCount;
            var what = total.HasValue
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "Showing {0} of {1:N0} {2}.", shown, total.Value, ItemsName)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, "Showing the first {0} {1}; there are more.", shown, ItemsName);
            return what + " Use -All for every one, or -First <n>.";
        }

        private PdPagingOptions BuildOptions(ulong first, ulong skip, bool firstGiven)
        {
            var options = new PdPagingOptions
            {
                All = All.IsPresent,
                // One page is as many items as one request may bring (the API's own default is 10).
                PageSize = IsBound(nameof(PageSize)) ? PageSize : PdPagingOptions.MaxPageSize,
                After = After,
                Before = Before,
            };
            if (HasClientFilter)
            {
                // Matching happens here, not in the API: read full pages until done.
                options.All = true;
                options.FullPages = true;
                return options;
            }
            if (firstGiven)
            {
                // -First 0 gets here only with -IncludeTotalCount: one item's request for page_info.total_count.
                options.MaxItems = first == 0 ? 1 : Saturate(first, skip);
            }
            else if (skip > 0 && !options.All)
            {
                // -Skip alone: one page's worth of items after the skipped ones.
                options.MaxItems = Saturate((ulong)options.PageSize.Value, skip);
            }
            return options;
        }

        private static long Saturate(ulong a, ulong b)
        {
            var sum = a + b;
            if (sum < a || sum > long.MaxValue) return long.MaxValue;
            return (long)sum;
        }
    }
}
