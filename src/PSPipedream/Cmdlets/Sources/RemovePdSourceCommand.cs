using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Deletes a source and its events (DELETE /sources/{id}). Asks for confirmation unless -Force;
    /// <c>Get-PdSource | Remove-PdSource -WhatIf</c> shows what would go and sends nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PdSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePdSourceCommand : PdItemChangeCmdlet
    {
        /// <summary>The source to delete.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) to delete.")]
        [Alias("SourceId")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>Skip the confirmation prompt (-WhatIf still wins).</summary>
        [Parameter(HelpMessage = "Delete without asking for confirmation. -WhatIf still sends nothing.")]
        public SwitchParameter Force { get; set; }

        private protected override object? ErrorTarget => Id;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(Id), PdValidation.CheckId(Id, "dc_"), Id)) return;
            var named = Named(Id);
            if (!ShouldProcessForce(Force.IsPresent, named, "Delete source and its events")) return;
            Dispatch(Id, () => SendAsync(PdRequest.Delete("sources", Id)), _ => { }, named);
        }
    }
}
