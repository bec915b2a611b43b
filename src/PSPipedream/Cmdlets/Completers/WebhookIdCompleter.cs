using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Tab completion for a webhook id: the first page of the user's webhooks, the name (else the URL) in the tooltip.</summary>
    internal sealed class WebhookIdCompleter : PdCompleter
    {
        internal const string CacheKey = "webhooks";

        public override string Offers => "your webhooks, matched on id or name";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<PdCompletionItem>();
            return Fetch(connection, CacheKey, PdRequest.Get("users", "me", "webhooks").WithQuery("limit", 100), ReadWebhooks);
        }

        private static IEnumerable<PdCompletionItem> ReadWebhooks(JToken? body)
        {
            foreach (var webhook in DataItems(body))
            {
                var id = Text(webhook, "id");
                if (id == null) continue;
                var name = Text(webhook, "name");
                yield return new PdCompletionItem(id, name, name ?? Text(webhook, "url") ?? id);
            }
        }
    }
}
