using System.Globalization;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Deploys a source (POST /sources) from a saved component (-ComponentId), component code
    /// (-ComponentCode), a component URL (-ComponentUrl) or a registry component (-ComponentKey,
    /// looked up with GET /components/registry/{key}), with its configured props (-Props).
    /// -OrgId (else the connection's org) puts it in an org. -ComponentId binds the Id of piped
    /// components, so New-PdComponent -Path x.js | New-PdSource works. A piped source is copied:
    /// its ComponentId, Name and Props bind by property name (see NewPdSourceCommand.Copy.cs).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdSource", DefaultParameterSetName = ComponentIdSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Source))]
    public sealed partial class NewPdSourceCommand : PdCmdlet
    {
        private const string ComponentIdSet = "ComponentId";
        private const string ComponentCodeSet = "ComponentCode";
        private const string ComponentUrlSet = "ComponentUrl";
        private const string ComponentKeySet = "ComponentKey";

        /// <summary>-Props as given on the command line (null when it came from the pipeline or not at all).</summary>
        private JObject? _props;

        private bool _propsGiven;
        private bool _nameGiven;
        private bool _orgGiven;

        /// <summary>A component saved in the account.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentIdSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The saved component (sc_...) to deploy, e.g. from New-PdComponent.")]
        [Alias("Id")]
        [AllowEmptyString]
        public string ComponentId { get; set; } = string.Empty;

        /// <summary>The code of the component to deploy.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentCodeSet,
            HelpMessage = "The full code of the component to deploy (sent as component_code).")]
        [ValidateNotNullOrEmpty]
        public string? ComponentCode { get; set; }

        /// <summary>Where the component's code is hosted.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentUrlSet,
            HelpMessage = "The URL where the component's code is hosted (sent as component_url).")]
        [ValidateNotNullOrEmpty]
        public string? ComponentUrl { get; set; }

        /// <summary>The key of a component in the global registry.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComponentKeySet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The key of a registry component to deploy, e.g. rss-new-item-in-feed.")]
        [AllowEmptyString]
        public string ComponentKey { get; set; } = string.Empty;

        /// <summary>The name of the new source.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The name of the new source. Default: the component's name slug, or for a piped source its name (the API allows two sources with one name: give -Name, -NamePrefix or -NameSuffix to tell a copy apart).")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The props to configure the source with: data, or JSON text of an object.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "The props to configure the source with, e.g. @{ url = '...'; timer = @{ intervalSeconds = 60 } }, a PSCustomObject or JSON text of an object (sent as configured_props). Binds the Props or ConfiguredProps of piped objects, so a piped source is copied with its props.")]
        [Alias("ConfiguredProps")]
        [AllowNull]
        public object? Props { get; set; }

        /// <summary>Create the source in this org.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true,
            HelpMessage = "Create the source in this org (o_..., sent as org_id). Default: the org a piped source was listed from (Get-PdSource -OrgId), else the connection's org, else your account.")]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        private string? Component => ParameterSetName switch
        {
            ComponentCodeSet => "the given code",
            ComponentUrlSet => ComponentUrl,
            ComponentKeySet => "registry component " + ComponentKey,
            _ => ComponentId,
        };

        private protected override object? ErrorTarget => Name ?? (ParameterSetName == ComponentKeySet ? ComponentKey : ComponentId);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (OrgId != null) Check(nameof(OrgId), PdValidation.CheckId(OrgId, "o_"), OrgId, terminating: true);
            // Given directly, -Props is checked once, and a refusal stops the cmdlet; from the pipeline it is read per item.
            _propsGiven = IsBound(nameof(Props));
            _nameGiven = IsBound(nameof(Name));
            _orgGiven = IsBound(nameof(OrgId));
            if (_propsGiven && !SourceProps.TryRead(Props, nameof(Props), out _props, out var problem))
            {
                Check(nameof(Props), problem, Props, terminating: true);
            }
        }

        private protected override void ProcessPdRecord()
        {
            if (ParameterSetName == ComponentIdSet && !Check(nameof(ComponentId), PdValidation.CheckId(ComponentId, "sc_"), ComponentId)) return;
            if (ParameterSetName == ComponentKeySet && !Check(nameof(ComponentKey), PdValidation.CheckComponentKey(ComponentKey), ComponentKey)) return;
            if (!TryOrg(out var org) || !ReadPipedProps(out var props)) return;
            var copyOf = CopiedSource();
            if (copyOf != null && IsOwnCopy(copyOf)) return;
            if (!TryNewName(copyOf, out var name)) return;
            if (copyOf != null && props != null) props = WithoutGenerated(props, copyOf);

            var target = string.Format(CultureInfo.InvariantCulture, "source '{0}' from {1}{2}{3}",
                name ?? "(named after the component)", Component, copyOf != null ? ", a copy of " + PdPipedObject.Named(copyOf, InputObject) : string.Empty,
                org != null ? " in org " + org : string.Empty);
            if (!ShouldProcessItem(target, "Create source")) return;
            var missingSecrets = copyOf != null ? MissingSecrets(ComponentId, props) : null;

            string? componentId = ParameterSetName == ComponentIdSet ? ComponentId : null;
            if (ParameterSetName == ComponentKeySet)
            {
                // The API deploys by component id: look the registry component up first.
                var component = Wait(SendAsync<Component>(PdRequest.Get("components", "registry", ComponentKey)));
                if (component?.Id == null)
                {
                    WriteError(PdErrors.NotFoundRecord("Registry component", ComponentKey));
                    return;
                }
                componentId = component.Id;
            }
            var body = PdApiRequests.SourceBody(componentId, ComponentCode, ComponentUrl, name, props: props);

            var orgId = org ?? ResolveConnection().OrgId;
            var request = PdApiRequests.CreateSource(body, orgId);
            request.IfUncertain = name != null
                ? "Check with Get-PdSource -Name " + PdText.Literal(name, wildcard: true) + (orgId != null ? " -OrgId " + orgId : string.Empty) + " before trying again."
                : "Check the newest sources (Get-PdSource -All | Sort-Object CreatedAt | Select-Object -Last 5) before trying again.";
            var source = Wait(SendAsync<Source>(request));
            if (orgId != null) source.OrgId ??= orgId;
            if (copyOf != null && source.Id != null) _copies.Add(source.Id);
            if (missingSecrets != null) WarnMissingSecrets(source, copyOf!, missingSecrets);
            WriteModel(source);
        }
    }
}
