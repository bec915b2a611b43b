using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the list cmdlets whose resources live either in the user's account
    /// (/users/me/{collection}) or in an org (/orgs/{org}/{collection}). The org comes from
    /// -OrgId, from the pipeline (an OrgId property, e.g. from Get-PdOrg) or from the
    /// connection's default org; each item listed through an org gets that OrgId.
    /// </summary>
    public abstract class PdOrgListCmdlet<T> : PdListCmdlet<T> where T : PdModel
    {
        /// <summary>List this org's resources instead of the user's; null (e.g. a piped object outside any org) means none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "List this org's resources (o_...) instead of your own. Default: the connection's org, if it has one.")]
        [AllowNull]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        /// <summary>The last path segment: "sources", "subscriptions".</summary>
        private protected abstract string Collection { get; }

        /// <summary>The org being listed (after -OrgId and the connection's default), else null.</summary>
        private protected string? ListedOrgId { get; private set; }

        private protected override object? ErrorTarget => ListedOrgId;

        /// <summary>Checks -OrgId; false (after an error) when the current input must be skipped.</summary>
        private protected bool CheckOrgId() => OrgId == null || Check(nameof(OrgId), PdValidation.CheckId(OrgId, "o_"), OrgId);

        private protected override PdRequest CreateListRequest()
        {
            ListedOrgId = OrgId ?? ResolveConnection().OrgId;
            return PdRequest.OwnerList(ListedOrgId, Collection);
        }

        private protected override void AddContext(T item)
        {
            if (ListedOrgId != null && item is IOrgScoped scoped) scoped.OrgId ??= ListedOrgId;
        }
    }
}
