using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Lists event sources: the user's (/users/me/sources), or an org's (/orgs/{org}/sources) when
    /// an org is given by -OrgId, by the pipeline (an OrgId property, e.g. from Get-PdOrg) or by
    /// the connection's default org. -Id and -Name filter client side and walk every page until
    /// done; -Id stops as soon as every asked id is found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdSource", SupportsPaging = true)]
    [OutputType(typeof(Source))]
    public sealed class GetPdSourceCommand : PdOrgListCmdlet<Source>
    {
        private PdIdNameFilter? _filter;

        /// <summary>Only the sources with these ids; an id not found is a PdNotFound error.</summary>
        [Parameter(HelpMessage = "Only the sources with these ids (dc_...). The API has no single-source GET, so the list is read until every id is found.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The same as -Id, bound from piped objects' SourceId (events, subscriptions' emitters are not).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "Like -Id, and bound from the SourceId of piped objects, so Get-PdEvent ... | Get-PdSource gets each event's source. (-Id itself does not bind from the pipeline, so Get-PdOrg | Get-PdSource lists each org's sources.)")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[]? SourceId { get; set; }

        /// <summary>Only the sources whose name matches one of these (wildcards allowed).</summary>
        [Parameter(Position = 0, HelpMessage = "Only the sources whose name matches: wildcards * ? [a-z] allowed (` escapes one), case-insensitive, every other character exactly as given (no look-alikes).")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Name { get; set; }

        private string[]? Ids => Id == null && SourceId == null ? null : (Id ?? Array.Empty<string>()).Concat(SourceId ?? Array.Empty<string>()).ToArray();

        private protected override bool HasClientFilter => Ids != null || Name != null;

        private protected override bool IsComplete => _filter != null && _filter.IsComplete;

        private protected override IEnumerable<string> RequiredFields => _filter?.RequiredFields ?? Enumerable.Empty<string>();

        private protected override string Collection => "sources";

        private protected override void ProcessPdRecord()
        {
            if (!CheckOrgId()) return;
            var ids = Ids;
            if (ids != null)
            {
                foreach (var id in ids)
                {
                    if (!Check(SourceId != null && Id == null ? nameof(SourceId) : nameof(Id), PdValidation.CheckId(id, "dc_"), id)) return;
                }
            }
            var filter = PdIdNameFilter.Create(ids, Name, out var problem);
            if (filter == null)
            {
                Reject(nameof(Name), problem!, Name, terminating: true);
                return;
            }
            _filter = filter;

            WriteList(CreateListRequest());

            foreach (var error in filter.NotFoundErrors("source", !IsBound("First") && !IsBound("Skip"))) WriteError(error);
        }

        private protected override void AddContext(Source item)
        {
            if (ListedOrgId == null) item.UserId ??= ResolveConnection().UserId;
            base.AddContext(item);
        }

        private protected override bool Matches(Source item) => _filter == null || _filter.Matches(item.Id, item.Name);
    }
}
