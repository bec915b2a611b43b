using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for -WorkflowId, -EmitterId and -ListenerId: the ids in the subscriptions of
    /// the org on the command line (or the connection's default org, else the user's), one request,
    /// and the sources (and, for -ListenerId, webhooks) that other Tabs fetched in the last minute. -WorkflowId offers workflows
    /// (p_...) only; -EmitterId also offers p_* and dc_* (every workflow, every source).
    /// </summary>
    internal sealed class EmitterListenerIdCompleter : PdCompleter
    {
        private static readonly PdCompletionItem[] EmitterWildcards =
        {
            new PdCompletionItem("p_*", null, "Every workflow"),
            new PdCompletionItem("dc_*", null, "Every source"),
        };

        public override string Offers => "the ids in your subscriptions (and the sources and webhooks a recent Tab listed; p_* and dc_* for -EmitterId)";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<PdCompletionItem>();
            var orgId = BoundString(fakeBoundParameters, "OrgId") ?? connection.OrgId;
            var request = PdRequest.OwnerList(orgId, "subscriptions");
            var fromSubscriptions = Fetch(connection, "subscriptions:" + (orgId ?? "me"), request, ReadSubscriptions);
            var sources = Cache.PeekAll(connection, PdSourceListCompleter.CacheKeyPrefix).ToList();

            // A source's name makes a better tooltip than "source in a subscription".
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                if (source.Name != null) names[source.Value] = source.Name;
            }
            var items = fromSubscriptions
                .Select(i => names.TryGetValue(i.Value, out var name) ? new PdCompletionItem(i.Value, name, name) : i)
                .Concat(sources)
                .Where(i => !i.Value.EndsWith("*", StringComparison.Ordinal));

            switch (parameterName)
            {
                case "WorkflowId":
                    return items.Where(i => i.Value.StartsWith("p_", StringComparison.Ordinal));
                case "EmitterId":
                    return items.Concat(EmitterWildcards);
                case "ListenerId":
                    return items.Concat(Cache.PeekAll(connection, WebhookIdCompleter.CacheKey));
                default:
                    return items;
            }
        }

        private static IEnumerable<PdCompletionItem> ReadSubscriptions(JToken? body)
        {
            foreach (var subscription in DataItems(body))
            {
                foreach (var field in new[] { "emitter_id", "listener_id" })
                {
                    var id = Text(subscription, field);
                    if (id != null) yield return new PdCompletionItem(id, null, Describe(id, field));
                }
            }
        }

        private static string Describe(string id, string field)
        {
            var kind = id.StartsWith("p_", StringComparison.Ordinal) ? "Workflow"
                : id.StartsWith("dc_", StringComparison.Ordinal) ? "Source" : "Emitter or listener";
            return kind + (field == "emitter_id" ? ", emitter in a subscription" : ", listener in a subscription");
        }
    }
}
