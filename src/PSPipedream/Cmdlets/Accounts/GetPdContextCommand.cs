using System.Management.Automation;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>Shows the current connection (BaseUri, OrgId, UserId, Username, KeySource, ApiKeyHint); nothing when not connected.</summary>
    [Cmdlet(VerbsCommon.Get, "PdContext")]
    [OutputType(typeof(PdConnection))]
    public sealed class GetPdContextCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = PdSession.Current;
            if (current != null) WriteObject(current);
        }
    }
}
