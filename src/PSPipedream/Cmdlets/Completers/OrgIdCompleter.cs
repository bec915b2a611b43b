using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Tab completion for -OrgId: the connected user's orgs (GET /users/me), the org's name in the tooltip.</summary>
    internal sealed class OrgIdCompleter : PdCompleter
    {
        public override string Offers => "the orgs of the connected user, with their names";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<PdCompletionItem>();
            return Fetch(connection, "orgs", PdRequest.Get("users", "me"), ReadOrgs);
        }

        private static IEnumerable<PdCompletionItem> ReadOrgs(JToken? body)
        {
            var orgs = (body as JObject)?["data"]?["orgs"] as JArray;
            if (orgs == null) yield break;
            foreach (var org in orgs.OfType<JObject>())
            {
                var id = Text(org, "id");
                if (id == null) continue;
                var name = Text(org, "name") ?? Text(org, "orgname");
                yield return new PdCompletionItem(id, name, name ?? id);
            }
        }
    }
}
