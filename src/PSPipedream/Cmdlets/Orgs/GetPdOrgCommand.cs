using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Gets the orgs the authenticated user belongs to (from GET /users/me). Pipe them to Get-PdSource.</summary>
    [Cmdlet(VerbsCommon.Get, "PdOrg")]
    [OutputType(typeof(Org))]
    public sealed class GetPdOrgCommand : PdCmdlet
    {
        /// <summary>Only the orgs with these ids.</summary>
        [Parameter(HelpMessage = "Only the orgs with these ids (o_...).")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string[]? Id { get; set; }

        private protected override void ProcessPdRecord()
        {
            if (Id != null)
            {
                foreach (var id in Id) Check(nameof(Id), PdValidation.CheckId(id, "o_"), id, terminating: true);
            }
            var user = Wait(SendAsync<User>(PdRequest.Get("users", "me")));
            var orgs = user?.Orgs ?? new Org[0];
            var wanted = Id == null ? null : new HashSet<string>(Id);
            foreach (var org in orgs)
            {
                if (wanted != null && (org.Id == null || !wanted.Contains(org.Id))) continue;
                WriteModel(org);
            }
            if (wanted != null)
            {
                foreach (var id in wanted.Where(id => !orgs.Any(o => o.Id == id)))
                {
                    WriteError(PdErrors.NotFoundRecord("Org", id));
                }
            }
        }
    }
}
