using System.Collections.Generic;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>$true when the live account matches the document, else $false: a drift check in one line.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PdConfiguration", DefaultParameterSetName = "Path")]
    [OutputType(typeof(bool))]
    public sealed class TestPdConfigurationCommand : PdConfigurationCheckCmdlet
    {
        private protected override void Write(IReadOnlyList<ConfigurationChange> changes) => WriteObject(changes.Count == 0);
    }
}
