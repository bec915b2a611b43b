using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// An event of a workflow's $errors stream: the event summary plus, read from its event, the
    /// event that made the run fail (OriginalEvent), the run's context (OriginalContext) and the
    /// error itself. These stay null when the event was truncated (use -Expand).
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
            if (!(EventToken is JObject body)) return;
            OriginalEvent = PdJson.ToPSObject(body["original_event"]);
            OriginalContext = PdJson.ToPSObject(body["original_context"]);
            if (body["error"] is JObject error) Error = PdJson.ToModel<WorkflowErrorDetail>(error);
        }
    }
}
