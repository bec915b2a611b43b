using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Changes a source (PUT /sources/{id}): its name, active state, configured props or component.
    /// Only the settings given are sent, so renaming never re-enables or re-configures a source.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PdSource", DefaultParameterSetName = SettingsSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Source))]
    public sealed class SetPdSourceCommand : SetPdSourceCmdletBase
    {
        private const string SettingsSet = "Settings";
        private const string ComponentIdSet = "ComponentId";
        private const string ComponentCodeSet = "ComponentCode";
        private const string ComponentUrlSet = "ComponentUrl";

        /// <summary>The new name.</summary>
        [Parameter(HelpMessage = "The new name of the source.")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Turn the source on ($true) or off ($false).</summary>
        [Parameter(HelpMessage = "$true to turn the source on, $false to turn it off.")]
        public bool Active { get; set; }

        /// <summary>The new configured props (replaces them all).</summary>
        [Parameter(HelpMessage = "The props to configure the source with, e.g. @{ url = '...'; timer = @{ intervalSeconds = 60 } }, a PSCustomObject or JSON text of an object (sent as configured_props). They replace all of the source's current props.")]
        [ValidateNotNull]
        public object? Props { get; set; }

        /// <summary>Run the source on this saved component.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentIdSet,
            HelpMessage = "Run the source on this saved component (sc_...).")]
        [AllowEmptyString]
        public string? ComponentId { get; set; }

        /// <summary>Run the source on this component code.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentCodeSet,
            HelpMessage = "Run the source on this component code: the full code of a component (sent as component_code).")]
        [ValidateNotNullOrEmpty]
        public string? ComponentCode { get; set; }

        /// <summary>Run the source on the component at this URL.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentUrlSet,
            HelpMessage = "Run the source on the component hosted at this URL.")]
        [ValidateNotNullOrEmpty]
        public string? ComponentUrl { get; set; }

        private JObject? _props;

        private protected override string Action => "Update source";

        /// <summary>"Update source: name: seed-1 -> x; active: True -> False", old values from the piped source where it is this one.</summary>
        private protected override string DescribeAction(JObject body) =>
            Action + ": " + SourceChangeText.Describe(body, PdPipedObject.Is(Id, InputObject) ? InputObject : null);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ComponentId != null) Check(nameof(ComponentId), PdValidation.CheckId(ComponentId, "sc_"), ComponentId, terminating: true);
            Check(nameof(Name), PdValidation.CheckName(Name), Name, terminating: true);
            if (!IsBound(nameof(Name)) && !IsBound(nameof(Active)) && !IsBound(nameof(Props)) && ParameterSetName == SettingsSet)
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.InvalidArgument,
                    "Nothing to change: give -Name, -Active, -Props, -ComponentId, -ComponentCode or -ComponentUrl.", null));
            }
            // -Props never comes from the pipeline: it is checked once, and a refusal stops the cmdlet.
            if (Props != null)
            {
                if (!SourceProps.TryRead(Props, nameof(Props), out _props, out var problem)) Check(nameof(Props), problem, Props, terminating: true);
                // New-PdSource takes JSON null as "no props"; here it would silently drop the one setting asked for.
                if (_props == null) Check(nameof(Props), "JSON null is not props to set: give an object of named values (a hashtable, a PSCustomObject or JSON text of an object).", Props, terminating: true);
            }
        }

        private protected override JObject? CreateBody() =>
            PdApiRequests.SourceBody(ComponentId, ComponentCode, ComponentUrl, Name, IsBound(nameof(Active)) ? Active : (bool?)null, _props);
    }
}
