using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// An event of a workflow's $errors stream: the event summary plus the event that made the run
    /// fail (OriginalEvent), the run's context (OriginalContext) and the error itself. The reference
    /// puts these inside the item's event; other clients see them at the top level of the item, so
    /// each is read from the event, else from the item. Inside the event they stay null when it was
    /// truncated (use -Expand).
    /// </summary>
    public sealed class WorkflowError : Event
    {
        /// <summary>The event the failed run was given, as PSCustomObject.</summary>
        [JsonIgnore]
        public object? OriginalEvent { get; set; }

        /// <summary>The context of the failed run (id, ts, workflow_id, deployment_id, owner_id, ...), as PSCustomObject.</summary>
        [JsonIgnore]
        public object? OriginalContext { get; set; }

        [JsonIgnore]
        public WorkflowErrorDetail? Error { get; set; }

        [OnDeserialized]
        internal void OnDeserialized(StreamingContext context)
        {
            var originalEvent = Field("original_event");
            var originalContext = Field("original_context");
            OriginalEvent = originalEvent == null ? null : PdJson.ToPSObject(originalEvent);
            OriginalContext = originalContext == null ? null : PdJson.ToPSObject(originalContext);
            if (Field("error") is JObject error) Error = PdJson.ToModel<WorkflowErrorDetail>(error);
        }

        /// <summary>A field of the event (the reference's shape), else of the item itself; null when neither has it.</summary>
        private JToken? Field(string name)
        {
            if (EventToken is JObject body && body[name] is JToken inside && inside.Type != JTokenType.Null) return inside;
            return TryGetUnknownField(name, out var top) && top.Type != JTokenType.Null ? top : null;
        }
    }
}
