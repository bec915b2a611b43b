using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for -Key of Get-PdComponent: the component keys the module has seen on the
    /// connection (components it got or created, sources that name their key). It sends nothing:
    /// there is no list of components to ask for.
    /// </summary>
    internal sealed class ComponentKeyCompleter : PdCompleter
    {
        public override string Offers => "the component keys this session has seen (from Get-PdComponent and New-PdComponent)";

        protected override IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<PdCompletionItem>();
            return Cache.ComponentKeys(connection);
        }
    }
}
