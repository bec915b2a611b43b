using System.Collections;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>What the module tells the API about the PowerShell it runs in (the User-Agent's version).</summary>
    internal static class PdHost
    {
        /// <summary>$PSVersionTable.PSVersion of the cmdlet's session, or null when it cannot be read.</summary>
        public static string? PowerShellVersion(PSCmdlet cmdlet)
        {
            try
            {
                var table = cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as Hashtable;
                return table?["PSVersion"]?.ToString();
            }
            catch (PSInvalidOperationException)
            {
                return null;
            }
        }
    }
}
