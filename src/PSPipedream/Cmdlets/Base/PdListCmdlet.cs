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
    /// <see cref="CreateListRequest"/> (path and extra query) and, if needed, <see cref="AddContext"/>
    /// (fill in context such as OrgId) or <see cref="Matches"/> (a client-side filter, which makes
    /// the walk cover every page). The base handles -All, -First, -Skip, -IncludeTotalCount,
    /// -PageSize, -After, -Before, -Property and -ExcludeProperty, and writes each item as its page
    /// arrives (the walk itself is in PdListCmdlet.Walk.cs).
    /// </summary>
    public abstract partial class PdListCmdlet<T> : PdCmdlet where T : PdModel
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
        private protected abstract PdRequest CreateListRequest();

        /// <summary>Fills in what the list knows about an item and the API leaves out (e.g. its OrgId or SourceId).</summary>
        private protected virtual void AddContext(T item)
        {
        }

        /// <summary>True when <see cref="Matches"/> filters items client side (the walk then covers every page).</summary>
        private protected virtual bool HasClientFilter => false;

        /// <summary>Client-side filter; -First and -Skip count only matching items.</summary>
        private protected virtual bool Matches(T item) => true;

        /// <summary>Checked after each item and page: true stops the walk (e.g. every asked id was found).</summary>
        private protected virtual bool IsComplete => false;

        /// <summary>Fields always asked for when -Property is used (e.g. "id" when matching by id).</summary>
        private protected virtual IEnumerable<string> RequiredFields => Enumerable.Empty<string>();

        /// <summary>What the items are called in the "Showing 100 of 250 sources" warning.</summary>
        private static string ItemsName => PdJson.ToSnakeCase(typeof(T).Name).Replace('_', ' ') + "s";

        private protected override void ProcessPdRecord() => WriteList(CreateListRequest());

        /// <summary>Maps PascalCase property names to this model's API field names (id,created_at,...).</summary>
        internal static string MapFields(IEnumerable<string> names) =>
            string.Join(",", names.SelectMany(n => n.Split(',')).Where(n => n.Trim().Length > 0)
                .Select(n => PdFieldMap.ToApiName<T>(n)).Distinct(StringComparer.Ordinal));

        /// <summary>Walks <paramref name="request"/> according to the paging parameters and writes each item.</summary>
        private protected void WriteList(PdRequest request)
        {
            var walk = PlanWalk(request);
            if (walk != null) WriteWalk(walk, next => Wait(ReadPageAsync<T>(next)));
        }

        /// <summary>
        /// Like <see cref="WriteList"/> for one pipeline item among many (-ThrottleLimit): the first
        /// page is asked for now, and the list is written in the item's turn, after
        /// <paramref name="beforeWrite"/> (which restores what <see cref="AddContext"/> needs). Further
        /// pages of the item are read then, one after the other.
        /// </summary>
        private protected void DispatchList(PdRequest request, object? target, Action beforeWrite)
        {
            var walk = PlanWalk(request);
            if (walk == null) return;
            Dispatch(target, () => ReadPageAsync<T>(PdPager.FirstRequest(walk.Request, walk.Options)), firstPage =>
            {
                beforeWrite();
                var fetched = false;
                WriteWalk(walk, next =>
                {
                    if (fetched) return Wait(ReadPageAsync<T>(next));
                    fetched = true;
                    return firstPage;
                });
            });
        }
    }
}
