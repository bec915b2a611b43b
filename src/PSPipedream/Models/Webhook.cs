using System;
using Newtonsoft.Json;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>A webhook (wh_...): a URL that subscriptions can deliver events to.</summary>
    public sealed class Webhook : PdModel, IPdIdentified
    {
        public string? Id { get; set; }
        public string? UserId { get; set; }

        /// <summary>The owning org, when the API says so.</summary>
        public string? OrgId { get; set; }

        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Url { get; set; }
        public bool? Active { get; set; }

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? CreatedAt { get; set; }

        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
