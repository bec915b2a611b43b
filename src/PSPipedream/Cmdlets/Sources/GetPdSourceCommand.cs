using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Http;

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
        private HashSet<string>? _pendingIds;
        private List<(WildcardPattern Pattern, string Text, bool Matched)>? _names;

        /// <summary>Only the sources with these ids; an id not found is a PdNotFound error.</summary>
        [Parameter(HelpMessage = "Only the sources with these ids (dc_...). The API has no single-source GET, so the list is read until every id is found.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Only the sources whose name matches one of these (wildcards allowed).</summary>
        [Parameter(Position = 0, HelpMessage = "Only the sources whose name matches (wildcards allowed, case-insensitive).")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override bool HasClientFilter => Id != null || Name != null;

        protected override bool IsComplete => _pendingIds != null && _pendingIds.Count == 0;

        protected override IEnumerable<string> RequiredFields
        {
            get
            {
                if (Id != null) yield return "id";
                if (Name != null) yield return "name";
            }
        }

        protected override string Collection => "sources";

        protected override void ProcessPdRecord()
        {
            if (!ValidateOrgId()) return;
            if (Id != null)
            {
                foreach (var id in Id) ValidateId(nameof(Id), id, "dc_");
            }
            _pendingIds = Id == null ? null : new HashSet<string>(Id, StringComparer.Ordinal);
            _names = Name?.Select(n => (new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant), n, false)).ToList();

            WriteList(CreateListRequest());

            if (_pendingIds != null)
            {
                foreach (var id in Id!.Where(_pendingIds.Contains).Distinct(StringComparer.Ordinal))
                {
                    WriteError(PdErrors.NotFoundRecord("Source", id));
                }
            }
            if (_names != null && Id == null && !IsBound("First") && !IsBound("Skip"))
            {
                foreach (var name in _names.Where(n => !n.Matched && !WildcardPattern.ContainsWildcardCharacters(n.Text)))
                {
                    WriteError(PdErrors.NotFoundRecord("A source named", name.Text));
                }
            }
        }

        protected override Source? Prepare(Source item)
        {
            if (ListedOrgId == null) item.UserId ??= ResolveConnection().UserId;
            return base.Prepare(item);
        }

        protected override bool Matches(Source item)
        {
            if (_pendingIds != null)
            {
                if (item.Id == null || !Id!.Contains(item.Id, StringComparer.Ordinal)) return false;
                _pendingIds.Remove(item.Id);
            }
            if (_names != null)
            {
                var any = false;
                for (var i = 0; i < _names.Count; i++)
                {
                    if (item.Name != null && _names[i].Pattern.IsMatch(item.Name))
                    {
                        _names[i] = (_names[i].Pattern, _names[i].Text, true);
                        any = true;
                    }
                }
                if (!any) return false;
            }
            return true;
        }
    }
}
