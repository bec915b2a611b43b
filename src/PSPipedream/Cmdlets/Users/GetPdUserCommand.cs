using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Gets the authenticated user (GET /users/me): id, username, email, orgs, quotas or billing.</summary>
    [Cmdlet(VerbsCommon.Get, "PdUser")]
    [OutputType(typeof(User))]
    public sealed class GetPdUserCommand : PdCmdlet
    {
        private protected override void ProcessPdRecord()
        {
            var user = Wait(SendAsync<User>(PdRequest.Get("users", "me")));
            if (user != null) WriteModel(user);
        }
    }
}
