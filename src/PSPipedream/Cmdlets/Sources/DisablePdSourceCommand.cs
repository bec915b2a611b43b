using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Turns a source off (PUT /sources/{id} with active false); it keeps its events and settings.
    /// <c>Get-PdSource -Name 'rss-*' | Disable-PdSource</c> turns off the matching sources.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "PdSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Source))]
    public sealed class DisablePdSourceCommand : SetPdSourceCmdletBase
    {
        private protected override string Action => "Disable source";

        private protected override JObject? CreateBody() => new JObject { ["active"] = false };
    }
}
