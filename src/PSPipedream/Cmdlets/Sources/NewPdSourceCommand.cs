using System.Collections;
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
    /// components, so New-PdComponent -Path x.js | New-PdSource works.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdSource", DefaultParameterSetName = ComponentIdSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Source))]
    public sealed class NewPdSourceCommand : PdCmdlet
    {
        private const string ComponentIdSet = "ComponentId";
        private const string ComponentCodeSet = "ComponentCode";
        private const string ComponentUrlSet = "ComponentUrl";
        private const string ComponentKeySet = "ComponentKey";

        private JToken? _props;

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
            HelpMessage = "The name of the new source. Default: the component's name slug.")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The props to configure the source with.</summary>
        [Parameter(HelpMessage = "The props to configure the source with, e.g. @{ url = '...'; timer = @{ intervalSeconds = 60 } } (sent as configured_props).")]
        [ValidateNotNull]
        public Hashtable? Props { get; set; }

        /// <summary>Create the source in this org.</summary>
        [Parameter(HelpMessage = "Create the source in this org (o_..., sent as org_id). Default: the connection's org, else your account.")]
        [AllowEmptyString]
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
            // -Props never comes from the pipeline: it is checked once, and a refusal stops the cmdlet.
            if (Props != null && !PdFreeForm.TryToJson(Props, nameof(Props), out _props, out var problem))
            {
                Check(nameof(Props), problem, Props, terminating: true);
            }
        }

        private protected override void ProcessPdRecord()
        {
            if (ParameterSetName == ComponentIdSet && !Check(nameof(ComponentId), PdValidation.CheckId(ComponentId, "sc_"), ComponentId)) return;
            if (ParameterSetName == ComponentKeySet && !Check(nameof(ComponentKey), PdValidation.CheckComponentKey(ComponentKey), ComponentKey)) return;
            if (!Check(nameof(Name), PdValidation.CheckName(Name), Name)) return;

            var target = string.Format(CultureInfo.InvariantCulture, "source '{0}' from {1}{2}",
                Name ?? "(named after the component)", Component, OrgId != null ? " in org " + OrgId : string.Empty);
            if (!ShouldProcessItem(target, "Create source")) return;

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
            var body = PdApiRequests.SourceBody(componentId, ComponentCode, ComponentUrl, Name, props: _props);

            var orgId = OrgId ?? ResolveConnection().OrgId;
            var request = PdApiRequests.CreateSource(body, orgId);
            request.IfUncertain = Name != null
                ? "Check with Get-PdSource -Name '" + PdText.Quote(Name) + "'" + (orgId != null ? " -OrgId " + orgId : string.Empty) + " before trying again."
                : "Check the newest sources (Get-PdSource -All | Sort-Object CreatedAt | Select-Object -Last 5) before trying again.";
            var source = Wait(SendAsync<Source>(request));
            if (orgId != null) source.OrgId ??= orgId;
            WriteModel(source);
        }
    }
}
