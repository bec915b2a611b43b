using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// An event summary of a source or a workflow. The API's "event" field (the emitted data) is
    /// written as the note property Event (a PSCustomObject, or the cut JSON text when
    /// IsTruncated); a C# class cannot have a member named like itself, so it is carried as a
    /// field the model does not declare (see <see cref="PdModel"/>) and read through
    /// <see cref="EventToken"/>.
    /// </summary>
    public class Event : PdModel, IPdIdentified
    {
        /// <summary>The event id, &lt;ms timestamp&gt;-&lt;sequence&gt;; also the cursor of event pages.</summary>
        public string? Id { get; set; }

        /// <summary>The source that emitted it (set for source events).</summary>
        public string? SourceId { get; set; }

        /// <summary>The workflow that emitted it (set for workflow events and errors).</summary>
        public string? WorkflowId { get; set; }

        /// <summary>When the event was indexed (from indexed_at_ms), UTC.</summary>
        [JsonProperty("indexed_at_ms")]
        [JsonConverter(typeof(UnixMillisecondsConverter))]
        public DateTime? IndexedAt { get; set; }

        public EventMetadata? Metadata { get; set; }

        /// <summary>The emitter (dc_... or p_...), from Metadata; top level so Export-Csv writes it.</summary>
        [JsonIgnore]
        public string? EmitterId => Metadata?.EmitterId;

        /// <summary>The stream the event went to, from Metadata: empty for the default stream, else e.g. $errors.</summary>
        [JsonIgnore]
        public string? EventName => Metadata?.Name;

        /// <summary>True when the API cut the event (over 1 KB without -Expand): Event is then the first 1024 characters of its JSON.</summary>
        [JsonProperty("truncated")]
        public bool IsTruncated { get; set; }

        /// <summary>The raw "event" field, or null when the API did not send it.</summary>
        internal JToken? EventToken =>
            AdditionalFields != null && AdditionalFields.TryGetValue("event", out var token) ? token : null;

        public override string ToString() => Id ?? string.Empty;
    }
}
