using PSPipedream.Json;


namespace PSPipedream
{
    /// <summary>Where an event came from: the emit id, the stream name ($errors, ...) and the emitter (dc_... or p_...).</summary>
    public sealed class EventMetadata : PdModel
    {
        public string? EmitId { get; set; }

        /// <summary>The event stream: empty for the default stream, else e.g. $errors or $logs.</summary>
        public string? Name { get; set; }

        public string? EmitterId { get; set; }

        /// <summary>One line of JSON as the API sent it, e.g. {"emit_id":"...","name":"","emitter_id":"dc_..."}.</summary>
        public override string ToString() => PdJson.Serialize(this);
    }
}
