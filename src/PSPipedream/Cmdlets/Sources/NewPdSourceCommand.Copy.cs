using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Copies: <c>Get-PdSource | New-PdSource</c> creates each piped source again, with its
    /// component, name and props (less what the server made, such as an HTTP source's
    /// endpoint_url). -Name, -NamePrefix and -NameSuffix give a copy a name of its own; a copy that
    /// keeps the name gets a warning, since the API allows two sources with one name. A secret prop
    /// the API did not list cannot be copied: the copy is named in a warning.
    /// </summary>
    public sealed partial class NewPdSourceCommand
    {
        /// <summary>Each component read to find its secret props, by id (null when it could not be read).</summary>
        private readonly Dictionary<string, Component?> _components = new Dictionary<string, Component?>(StringComparer.Ordinal);

        /// <summary>Put before the name, e.g. of a copy: -NamePrefix 'staging-'.</summary>
        [Parameter(HelpMessage = "Text put before the name (the -Name given, or a piped source's name), e.g. 'staging-', so a copy does not share its name with the original.")]
        [ValidateNotNullOrEmpty]
        public string? NamePrefix { get; set; }

        /// <summary>Put after the name, e.g. of a copy: -NameSuffix '-copy'.</summary>
        [Parameter(HelpMessage = "Text put after the name (the -Name given, or a piped source's name), e.g. '-copy', so a copy does not share its name with the original.")]
        [ValidateNotNullOrEmpty]
        public string? NameSuffix { get; set; }

        /// <summary>The piped object; a source is copied (and named in messages).</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true,
            HelpMessage = "Bound from the pipeline, not meant to be typed: the piped object. A piped source (dc_...) is copied, and the What-if line and warnings name it.")]
        public PSObject? InputObject { get; set; }

        /// <summary>The copies this command made, by id.</summary>
        private readonly HashSet<string> _copies = new HashSet<string>(StringComparer.Ordinal);
        private bool _ownCopySaid;

        /// <summary>
        /// True for a piped source that this command made: a list still being read (Get-PdSource
        /// walks its pages while the copies are created) reaches the copies too, and copying them
        /// again would never end. Said once, in a warning.
        /// </summary>
        private bool IsOwnCopy(string id)
        {
            if (!_copies.Contains(id)) return false;
            if (!_ownCopySaid)
            {
                WriteWarningLine("Left out " + PdPipedObject.Named(id, InputObject) + " and any other copy this command made, which the list piped in reached while it was still being read.");
                _ownCopySaid = true;
            }
            return true;
        }

        /// <summary>The id of the piped source this item copies; null when nothing is copied.</summary>
        private string? CopiedSource()
        {
            if (ParameterSetName != ComponentIdSet) return null;
            return PdPipedObject.Value(InputObject, "Id") is string id && id.StartsWith("dc_", StringComparison.Ordinal) ? id : null;
        }

        /// <summary>
        /// -OrgId, or the org a piped source was listed from, so a copy is made where its original
        /// is; an empty one from the pipeline (a CSV cell) is none. A piped one is checked per item.
        /// </summary>
        private bool TryOrg(out string? org)
        {
            org = _orgGiven || !string.IsNullOrEmpty(OrgId) ? OrgId : null;
            return _orgGiven || org == null || Check(nameof(OrgId), PdValidation.CheckId(org, "o_"), org);
        }

        /// <summary>The props for this item: -Props given directly, else the piped object's (a refusal is this item's error).</summary>
        private bool ReadPipedProps(out JObject? props)
        {
            props = _props;
            if (_propsGiven || Props == null) return true;
            return SourceProps.TryRead(Props, nameof(Props), out props, out var problem) || Check(nameof(Props), problem, Props);
        }

        /// <summary>The name to create: -Name or the piped name, with -NamePrefix/-NameSuffix; warns when a copy keeps its original's name.</summary>
        private bool TryNewName(string? copyOf, out string? name)
        {
            name = Name;
            var affixed = NamePrefix != null || NameSuffix != null;
            if (affixed)
            {
                if (name == null)
                {
                    return Reject(NamePrefix != null ? nameof(NamePrefix) : nameof(NameSuffix),
                        "-NamePrefix and -NameSuffix add to a name: give -Name too, or pipe objects that have a Name.", null);
                }
                name = NamePrefix + name + NameSuffix;
            }
            if (!Check(nameof(Name), PdValidation.CheckName(name), name)) return false;
            if (copyOf != null && name != null && !_nameGiven && !affixed)
            {
                WriteWarningLine("The copy of " + PdPipedObject.Named(copyOf, InputObject) + " keeps the name '" + PdText.Quote(name) +
                    "': the API allows two sources with one name. Give -Name, -NamePrefix or -NameSuffix to tell them apart.");
            }
            return true;
        }

        /// <summary>The props without the server's fields, each one left out named in a verbose line.</summary>
        private JObject WithoutGenerated(JObject props, string copyOf)
        {
            var kept = SourceProps.WithoutGenerated(props, out var dropped);
            foreach (var field in dropped)
            {
                WriteVerboseLine("Copy of " + PdPipedObject.Named(copyOf, InputObject) + ": left out configured_props." + PdText.Quote(field) +
                    ", which the server makes for each source.");
            }
            return kept;
        }

        /// <summary>
        /// The secret props of the component that the copy has no value for (the API did not list
        /// them); null when there are none. Reads each component once; one that cannot be read is a warning.
        /// </summary>
        private List<string>? MissingSecrets(string componentId, JObject? props)
        {
            if (!_components.TryGetValue(componentId, out var component))
            {
                try
                {
                    component = Wait(SendAsync<Component>(PdRequest.Get("components", componentId)));
                }
                catch (PdApiException ex)
                {
                    WriteWarningLine("Could not read the component " + PdText.Quote(componentId) + " to see which of its props are secret, so copies are made with the props as listed: " + ex.Message);
                    component = null;
                }
                _components[componentId] = component;
            }
            var missing = (component?.ConfigurableProps ?? Array.Empty<ConfigurableProp>())
                .Where(p => p.Name != null && ConfigProps.IsSecret(p) && IsEmpty(props?[p.Name]))
                .Select(p => p.Name!)
                .ToList();
            return missing.Count == 0 ? null : missing;
        }

        private static bool IsEmpty(JToken? value) =>
            value == null || value.Type == JTokenType.Null || (value.Type == JTokenType.String && value.Value<string>()!.Length == 0);

        private void WarnMissingSecrets(Source copy, string copyOf, List<string> missing)
        {
            WriteWarningLine("The copy " + PdPipedObject.Named(copy.Id ?? string.Empty, copy) + " of " + PdPipedObject.Named(copyOf, InputObject) +
                " has no value for the secret prop" + (missing.Count == 1 ? " '" : "s '") + string.Join("', '", missing.Select(n => PdText.Quote(n))) +
                "': the source as listed had none (the API may withhold a secret's value, or none was set), so none was copied. If the original has one, give the copy its props with Set-PdSource -Id " +
                copy.Id + " -Props @{ ... } (they replace all of its props).");
        }
    }
}
