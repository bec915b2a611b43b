using System.Management.Automation;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Checks before anything is sent: a failed input rule (<see cref="PdValidation"/>) becomes the
    /// item's error or the command's, and ShouldProcess shows printable targets and honours -Force.
    /// </summary>
    public abstract partial class PdCmdletBase
    {
        /// <summary>
        /// True when <paramref name="problem"/> is null. Otherwise the input is refused with
        /// PdInvalidArgument naming the parameter, and the result is false: when the cmdlet has
        /// pipeline input, as a non-terminating error about this item (the caller skips it and the
        /// pipeline goes on); given directly, or when <paramref name="terminating"/>, as the error
        /// that stops the command.
        /// </summary>
        private protected bool Check(string parameterName, string? problem, object? value, bool terminating = false) =>
            problem == null || Refuse(PdErrors.InvalidArgumentRecord(parameterName, problem, value), terminating);

        /// <summary>
        /// Refuses the input with <paramref name="message"/>, as <see cref="Check"/> refuses a failed
        /// rule: for a refusal that needs no rule (two parameters that cannot go together). Always false.
        /// </summary>
        private protected bool Reject(string parameterName, string message, object? value, bool terminating = false) =>
            Refuse(PdErrors.InvalidArgumentRecord(parameterName, message, value), terminating);

        /// <summary>
        /// Writes <paramref name="record"/> as this item's error when the cmdlet has pipeline input
        /// (and <paramref name="terminating"/> is false), else stops the command with it. Always false.
        /// </summary>
        private protected bool Refuse(ErrorRecord record, bool terminating = false)
        {
            if (terminating || !MyInvocation.ExpectingInput) ThrowTerminatingError(record);
            WriteItemError(record);
            return false;
        }

        /// <summary>A non-terminating error about one pipeline item.</summary>
        private protected virtual void WriteItemError(ErrorRecord record) => WriteError(record);

        private protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>
        /// ShouldProcess for a cmdlet with -Force: -Force skips the confirmation prompt (unless
        /// -Confirm is given explicitly), but -WhatIf always wins and nothing is done.
        /// </summary>
        private protected bool ShouldProcessForce(bool force, string target, string action)
        {
            if (force && !IsBound("Confirm") && !IsWhatIfWanted()) return true;
            return ShouldProcessItem(target, action);
        }

        /// <summary>
        /// ShouldProcess with the target made printable (control and invisible characters as
        /// \uXXXX, see <see cref="PdText.Printable"/>): a name or id in the What-if or Confirm text
        /// cannot send escape sequences to the console or pass for another.
        /// </summary>
        private protected bool ShouldProcessItem(string target, string action) => ShouldProcess(PdText.Printable(target), action);

        /// <summary>True when -WhatIf is given or $WhatIfPreference is set.</summary>
        private bool IsWhatIfWanted() => LanguagePrimitives.IsTrue(PdCommonParameters.GivenOrPreference(this, "WhatIf", "WhatIfPreference"));
    }
}
