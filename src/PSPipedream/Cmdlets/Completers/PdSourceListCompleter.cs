using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the completers that offer sources (by id or by name): the sources of the org on the
    /// command line (-OrgId) or of the connection's default org, else the user's own. Up to
    /// <see cref="MaxPages"/> pages of 100 are read, within the two-second cap, and the list is
    /// cached a minute, shared by every source completer and by -EmitterId/-ListenerId.
    /// </summary>
    internal abstract class PdSourceListCompleter : PdCompleter
    {
        /// <summary>Cache keys of source lists start with this, then the org id or "me".</summary>
        internal const string CacheKeyPrefix = "sources:";

        /// <summary>How many pages of 100 sources one Tab may read: a large account's first 1,000.</summary>
        internal const int MaxPages = 10;

        protected sealed override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            return connection == null ? Enumerable.Empty<PdCompletionItem>() : Offer(Sources(connection, fakeBoundParameters));
        }

        /// <summary>What Tab offers, made from the sources (the id as Value, the name as Name).</summary>
        protected abstract IEnumerable<PdCompletionItem> Offer(IReadOnlyList<PdCompletionItem> sources);

        private IReadOnlyList<PdCompletionItem> Sources(PdConnection connection, IDictionary fakeBoundParameters)
        {
            var orgId = BoundString(fakeBoundParameters, "OrgId") ?? connection.OrgId;
            var request = PdRequest.OwnerList(orgId, "sources").WithQuery("limit", PdPagingOptions.MaxPageSize);
            return Fetch(connection, CacheKeyPrefix + (orgId ?? "me"), request, body => ReadSources(connection, body), MaxPages);
        }

        private IEnumerable<PdCompletionItem> ReadSources(PdConnection connection, JToken? body)
        {
            var items = new List<PdCompletionItem>();
            foreach (var source in DataItems(body))
            {
                var id = Text(source, "id");
                if (id == null) continue;
                var name = Text(source, "name");
                items.Add(new PdCompletionItem(id, name, name ?? id));
                Cache.AddComponentKey(connection, Text(source, "component_key"), null);
            }
            return items;
        }
    }
}
