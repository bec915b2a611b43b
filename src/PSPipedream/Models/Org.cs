using System.Management.Automation;
using Newtonsoft.Json;

namespace PSPipedream
{
    /// <summary>An org the user belongs to (from GET /users/me).</summary>
    public sealed class Org : PdModel
    {
        public string? Id { get; set; }

        /// <summary>Display name, e.g. "Emulator Org".</summary>
        public string? Name { get; set; }

        /// <summary>The org's handle, e.g. "emulator-org".</summary>
        [JsonProperty("orgname")]
        public string? OrgName { get; set; }

        public string? Email { get; set; }

        /// <summary>Same as Id; lets Get-PdOrg | Get-PdSource bind -OrgId by property name. Hidden from exports, which carry Id.</summary>
        [Hidden]
        [JsonIgnore]
        public string? OrgId => Id;

        public override string ToString() => Id ?? string.Empty;
    }
}
