using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for -Name where it picks sources by name (Get-PdSource -Name): the names of
    /// the first 1,000 sources (the list the id completer reads, see
    /// <see cref="PdSourceListCompleter"/>), each name once, its ids in the tooltip. -Name takes
    /// wildcards, so a name holding * ? [ ] or ` is offered escaped: it then matches itself alone.
    /// </summary>
    internal sealed class SourceNameCompleter : PdSourceListCompleter
    {
        public override string Offers =>
            "the names of the first 1,000 sources (of -OrgId when given); read in up to 10 requests within 2 seconds, then cached a minute";

        protected override IEnumerable<PdCompletionItem> Offer(IReadOnlyList<PdCompletionItem> sources) =>
            sources
                .Where(source => !string.IsNullOrEmpty(source.Name))
                .GroupBy(source => source.Name!, StringComparer.Ordinal)
                .Select(named => new PdCompletionItem(WildcardPattern.Escape(named.Key), named.Key,
                    named.Key + " (" + string.Join(", ", named.Select(source => source.Value)) + ")"));
    }
}
