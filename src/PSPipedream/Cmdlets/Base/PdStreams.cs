using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Verbose lines and warnings that never stop to ask. PowerShell 7 turns -Debug given alone
    /// into "inquire" for verbose and warning records (it asks at each one, and throws in a
    /// session without a console); debug records it just shows. So with -Debug and no -Verbose
    /// (or -WarningAction) the line goes to the debug stream instead. For every cmdlet of the
    /// module, whatever its base.
    /// </summary>
    internal static class PdStreams
    {
        public static void VerboseLine(PSCmdlet cmdlet, string text)
        {
            if (IsDebugAlone(cmdlet, "Verbose")) cmdlet.WriteDebug(text);
            else cmdlet.WriteVerbose(text);
        }

        public static void WarningLine(PSCmdlet cmdlet, string text)
        {
            if (IsDebugAlone(cmdlet, "WarningAction")) cmdlet.WriteDebug("WARNING: " + text);
            else cmdlet.WriteWarning(text);
        }

        /// <summary>True when -Debug is given and <paramref name="parameterName"/> (the one that would decide instead) is not.</summary>
        private static bool IsDebugAlone(PSCmdlet cmdlet, string parameterName) =>
            PdCommonParameters.IsGivenOn(cmdlet, "Debug") && !cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName);
    }
}
