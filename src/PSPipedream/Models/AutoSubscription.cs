namespace PSPipedream
{
    /// <summary>
    /// An auto-subscription: every workflow or source created from now on delivers the events
    /// of <see cref="EventName"/> to <see cref="ListenerId"/>.
    /// </summary>
    public sealed class AutoSubscription : PdModel
    {
        public string? Id { get; set; }

        /// <summary>The source, workflow or webhook that receives (dc_..., p_..., wh_...).</summary>
        public string? ListenerId { get; set; }

        /// <summary>The event stream: default, $errors or $logs.</summary>
        public string? EventName { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
