using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>Turns a source on (PUT /sources/{id} with active true). Pipe sources from Get-PdSource.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "PdSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Source))]
    public sealed class EnablePdSourceCommand : SetPdSourceCmdletBase
    {
        private protected override string Action => "Enable source";

        private protected override JObject? CreateBody() => new JObject { ["active"] = true };
    }
}
