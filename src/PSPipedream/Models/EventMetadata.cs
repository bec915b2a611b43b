namespace PSPipedream
{
    /// <summary>Where an event came from: the emit id, the stream name ($errors, ...) and the emitter (dc_... or p_...).</summary>
    public sealed class EventMetadata : PdModel
    {
        public string? EmitId { get; set; }

        /// <summary>The event stream: empty for the default stream, else e.g. $errors or $logs.</summary>
        public string? Name { get; set; }

        public string? EmitterId { get; set; }

        public override string ToString() => "@{EmitId=" + EmitId + "; Name=" + Name + "; EmitterId=" + EmitterId + "}";
    }
}
