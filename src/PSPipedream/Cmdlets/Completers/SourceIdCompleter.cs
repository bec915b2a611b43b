using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for a source id (-Id, -SourceId): the first page of the sources of the org on
    /// the command line (-OrgId) or of the connection's default org, else the user's own, matched
    /// on id or name, the name in the tooltip.
    /// </summary>
    internal sealed class SourceIdCompleter : PdCompleter
    {
        /// <summary>Cache keys of source lists start with this, then the org id or "me".</summary>
        internal const string CacheKeyPrefix = "sources:";

        public override string Offers => "the first 100 sources (of -OrgId when given), matched on id or name";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<PdCompletionItem>();
            var orgId = BoundString(fakeBoundParameters, "OrgId") ?? connection.OrgId;
            var request = PdRequest.OwnerList(orgId, "sources").WithQuery("limit", 100);
            return Fetch(connection, CacheKeyPrefix + (orgId ?? "me"), request, body => ReadSources(connection, body));
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
