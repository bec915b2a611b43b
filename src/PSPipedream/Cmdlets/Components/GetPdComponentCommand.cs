using System;
using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Gets components by saved id (sc_...) or key (GET /components/{key or id}), or from the
    /// global registry with -Registry (GET /components/registry/{key}).
    /// <c>Get-PdSource | Get-PdComponent</c> gets the component of each source.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdComponent", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(Component))]
    public sealed class GetPdComponentCommand : PdFanOutCmdlet
    {
        private const string KeySet = "Key";
        private const string IdSet = "Id";

        /// <summary>Saved component ids or component keys.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = KeySet,
            HelpMessage = "Saved component ids (sc_...) or component keys (e.g. rss-new-item-in-feed); with -Registry, registry keys.")]
        [Alias("ComponentId", "ComponentKey")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(ComponentKeyCompleter))]
        public string[] Key { get; set; } = Array.Empty<string>();

        /// <summary>Saved component ids only (sc_...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet,
            HelpMessage = "Saved component ids (sc_...), e.g. the ComponentId of a source. Anything else is refused before any request.")]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Look the keys up in the global registry of published components.</summary>
        [Parameter(ParameterSetName = KeySet, HelpMessage = "Look the keys up in Pipedream's global registry of published components.")]
        public SwitchParameter Registry { get; set; }

        private protected override void ProcessPdRecord()
        {
            var byId = ParameterSetName == IdSet;
            foreach (var key in byId ? Id : Key)
            {
                var problem = byId ? PdValidation.CheckId(key, "sc_") : PdValidation.CheckComponentKey(key);
                if (!Check(byId ? nameof(Id) : nameof(Key), problem, key)) continue;
                var request = Registry.IsPresent
                    ? PdRequest.Get("components", "registry", key)
                    : PdRequest.Get("components", key);
                Dispatch(key, () => SendAsync<Component>(request), WriteModel);
            }
        }
    }
}
