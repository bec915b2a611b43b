using System.Collections.Generic;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for a source id (-Id, -SourceId): the first 1,000 sources (see
    /// <see cref="PdSourceListCompleter"/>), matched on id or name, the name in the tooltip.
    /// </summary>
    internal sealed class SourceIdCompleter : PdSourceListCompleter
    {
        public override string Offers =>
            "the ids of the first 1,000 sources (of -OrgId when given), matched on id or name; read in up to 10 requests within 2 seconds, then cached a minute";

        protected override IEnumerable<PdCompletionItem> Offer(IReadOnlyList<PdCompletionItem> sources) => sources;
    }
}
