using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The walk of a list: the paging parameters turned into paging options, the pages read and
    /// each matching item written as its page arrives, and a warning when a plain call did not
    /// show everything.
    /// </summary>
    public abstract partial class PdListCmdlet<T>
    {
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
            if (After != null && Before != null) Reject(nameof(Before), "-After and -Before cannot be used together.", Before, terminating: true);
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
                    WriteVerboseLine(string.Format(CultureInfo.InvariantCulture,
                        "Page: {0} items of {1}; start_cursor {2}, end_cursor {3}",
                        page.Count, page.PageInfo.TotalCount?.ToString(CultureInfo.InvariantCulture) ?? "?",
                        page.PageInfo.StartCursor ?? "(none)", page.PageInfo.EndCursor ?? "(none)"));
                    if (walk.IncludeTotal && !totalWritten)
                    {
                        var total = page.PageInfo.TotalCount;
                        WriteObject(PagingParameters!.NewTotalCount(total.HasValue ? (ulong)Math.Max(0, total.Value) : 0UL, total.HasValue ? 1.0 : 0.0));
                        totalWritten = true;
                    }
                    foreach (var item in page.Items)
                    {
                        if (written >= first) return;
                        AddContext(item);
                        if (!Matches(item)) continue;
                        if (skipped < skip)
                        {
                            skipped++;
                            continue;
                        }
                        WriteModel(item);
                        written++;
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
            var shown = written.ToString("N0", CultureInfo.InvariantCulture);
            var total = page.PageInfo.TotalCount;
            var what = total.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "Showing {0} of {1:N0} {2}.", shown, total.Value, ItemsName)
                : string.Format(CultureInfo.InvariantCulture, "Showing the first {0} {1}; there are more.", shown, ItemsName);
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
