using System.Collections.Generic;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>One ConfigurationChange per difference between the live account and the document; nothing when they match.</summary>
    [Cmdlet(VerbsData.Compare, "PdConfiguration", DefaultParameterSetName = "Path")]
    [OutputType(typeof(ConfigurationChange))]
    public sealed class ComparePdConfigurationCommand : PdConfigurationCheckCmdlet
    {
        private protected override void Write(IReadOnlyList<ConfigurationChange> changes)
        {
            foreach (var change in changes) WriteObject(change);
        }
    }
}
