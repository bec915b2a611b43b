using System.Globalization;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// What the caller asked for through PowerShell's common parameters (-Debug, -WhatIf,
    /// -WarningAction): given on the command line it wins, else the preference variable that
    /// stands in for it when not given.
    /// </summary>
    internal static class PdCommonParameters
    {
        /// <summary>
        /// The value of <paramref name="parameterName"/> when given (a switch as true or false),
        /// else of <paramref name="preferenceVariable"/>; unwrapped from any PSObject.
        /// </summary>
        public static object? GivenOrPreference(PSCmdlet cmdlet, string parameterName, string preferenceVariable)
        {
            var value = cmdlet.MyInvocation.BoundParameters.TryGetValue(parameterName, out var given)
                ? (given is SwitchParameter sp ? sp.IsPresent : given)
                : cmdlet.GetVariableValue(preferenceVariable);
            return value is PSObject pso ? pso.BaseObject : value;
        }

        /// <summary>True when the switch <paramref name="parameterName"/> is given and on.</summary>
        public static bool IsGivenOn(PSCmdlet cmdlet, string parameterName) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(parameterName, out var given)
            && (given is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(given));

        /// <summary>
        /// <paramref name="value"/> read as an ActionPreference, or null. A preference variable set in
        /// a child scope (<c>&amp; { $ErrorActionPreference = 'Stop'; ... }</c>) holds a plain string.
        /// </summary>
        public static ActionPreference? AsPreference(object? value) =>
            value is ActionPreference ap ? ap
            : value is string text && LanguagePrimitives.TryConvertTo(text, CultureInfo.InvariantCulture, out ActionPreference parsed) ? parsed
            : (ActionPreference?)null;

        /// <summary>True when <paramref name="preference"/> is an ActionPreference that lets the records through.</summary>
        public static bool Shows(object? preference) =>
            AsPreference(preference) is ActionPreference ap && ap != ActionPreference.SilentlyContinue && ap != ActionPreference.Ignore;

        /// <summary>True when <paramref name="preference"/> silences its records (SilentlyContinue or Ignore).</summary>
        public static bool Silences(object? preference) =>
            AsPreference(preference) is ActionPreference ap && (ap == ActionPreference.SilentlyContinue || ap == ActionPreference.Ignore);
    }
}
