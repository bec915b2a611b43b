namespace PSPipedream
{
    /// <summary>A subscription (sub_...): events of an emitter delivered to a listener.</summary>
    public sealed class Subscription : PdModel, IPdIdentified, IOrgScoped
    {
        public string? Id { get; set; }

        /// <summary>The source or workflow that emits (dc_..., p_...), or a glob: p_* or dc_*.</summary>
        public string? EmitterId { get; set; }

        /// <summary>The source, workflow or webhook that receives (dc_..., p_..., wh_...).</summary>
        public string? ListenerId { get; set; }

        /// <summary>The event stream: default, $errors, $logs, or empty when the subscription has none.</summary>
        public string? EventName { get; set; }

        /// <summary>The org the subscription was listed through (/orgs/{org}/subscriptions), else null.</summary>
        public string? OrgId { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
