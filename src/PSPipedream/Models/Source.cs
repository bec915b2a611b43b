using System;
using System.Management.Automation;
using Newtonsoft.Json;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>A deployed event source (dc_...).</summary>
    public sealed class Source : PdModel, IPdIdentified, IOrgScoped
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? NameSlug { get; set; }
        public string? ComponentId { get; set; }
        public bool? Active { get; set; }

        /// <summary>The props the source was deployed with, as PSCustomObject (e.g. .timer.interval_seconds).</summary>
        [JsonConverter(typeof(PSObjectJsonConverter))]
        public object? ConfiguredProps { get; set; }

        /// <summary>
        /// ConfiguredProps as one line of JSON, the name -Props binds by. Hidden ([Hidden]: left
        /// out of Export-Csv, Format-List * and Get-Member, still read and bound by name), because
        /// ConfiguredProps already exports as that same line of JSON.
        /// </summary>
        [Hidden]
        [JsonIgnore]
        public string? Props => PdJson.ToOneLine(ConfiguredProps);

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? CreatedAt { get; set; }

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? UpdatedAt { get; set; }

        /// <summary>The owning user: from the API when it says, else the connection's user for /users/me/sources.</summary>
        public string? UserId { get; set; }

        /// <summary>The org the source was listed through (/orgs/{org}/sources), else null.</summary>
        public string? OrgId { get; set; }

        /// <summary>Same as Id; lets Get-PdSource | Remove-PdEvent bind -SourceId by property name. Hidden from exports, which carry Id.</summary>
        [Hidden]
        [JsonIgnore]
        public string? SourceId => Id;

        public override string ToString() => Id ?? string.Empty;
    }
}
