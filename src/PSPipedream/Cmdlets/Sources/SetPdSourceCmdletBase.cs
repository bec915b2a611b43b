using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of Set-PdSource, Enable-PdSource and Disable-PdSource: PUT /sources/{id} with only the
    /// settings the cmdlet changes, ShouldProcess on the source id (with its name when piped), and
    /// the updated source with -PassThru.
    /// </summary>
    public abstract class SetPdSourceCmdletBase : PdItemChangeCmdlet
    {
        /// <summary>The source to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The source (dc_...) to change.")]
        [Alias("SourceId")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>Write the updated source.</summary>
        [Parameter(HelpMessage = "Write the updated source to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        private protected override object? ErrorTarget => Id;

        /// <summary>The ShouldProcess action, e.g. "Disable source".</summary>
        private protected abstract string Action { get; }

        /// <summary>The PUT body (snake_case fields); null when the input was rejected (an error was written).</summary>
        private protected abstract JObject? CreateBody();

        /// <summary>The ShouldProcess action for this body; Set-PdSource adds what would change.</summary>
        private protected virtual string DescribeAction(JObject body) => Action;

        private protected override void ProcessPdRecord()
        {
            if (!Check(nameof(Id), PdValidation.CheckId(Id, "dc_"), Id)) return;
            var body = CreateBody();
            if (body == null) return;
            var named = Named(Id);
            if (!ShouldProcessItem(named, DescribeAction(body))) return;
            var request = PdRequest.Put("sources", Id).WithBody(body);
            // Only -PassThru needs the updated source back; without it any 2xx will do.
            if (PassThru.IsPresent) Dispatch(Id, () => SendAsync<Source>(request), WriteModel, named);
            else Dispatch(Id, () => SendAsync(request), _ => { }, named);
        }
    }
}
