using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Removes a webhook (DELETE /webhooks/{id}). Asks first (ConfirmImpact High) unless -Force;
    /// -WhatIf sends nothing. Binds -Id from Id or WebhookId, so Get-PdWebhook | Remove-PdWebhook works.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PdWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePdWebhookCommand : PdItemChangeCmdlet
    {
        /// <summary>The webhook to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The id of the webhook to remove (wh_...).")]
        [Alias("WebhookId")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Remove without asking (-WhatIf still sends nothing).</summary>
        [Parameter(HelpMessage = "Remove without asking for confirmation. -WhatIf still removes nothing.")]
        public SwitchParameter Force { get; set; }

        private protected override object? ErrorTarget => Id;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(Id), PdValidation.CheckId(Id, "wh_"), Id)) return;
            var named = Named(Id);
            if (!ShouldProcessForce(Force.IsPresent, named, "Remove webhook")) return;
            Dispatch(Id, () => SendAsync(PdRequest.Delete("webhooks", Id)), _ => { }, named);
        }
    }
}
