using System;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// The error of a failed workflow run: code, message, the step (cell) that threw, when, and the
    /// stack. Fields it does not declare are kept (see <see cref="PdModel"/>) and written as note
    /// properties of the Error object.
    /// </summary>
    public sealed class WorkflowErrorDetail : PdModel
    {
        public string? Code { get; set; }

        /// <summary>The step that threw (c_...).</summary>
        [JsonProperty("cellId")]
        public string? CellId { get; set; }

        /// <summary>When the error was thrown, UTC (the API sends an ISO 8601 time).</summary>
        [JsonProperty("ts")]
        [JsonConverter(typeof(IsoTimeConverter))]
        public DateTime? Ts { get; set; }

        /// <summary>What the error says: the API's "message" field, or its "msg" field when it sends that instead.</summary>
        public string? Message { get; set; }

        public string? Stack { get; set; }

        [OnDeserialized]
        internal void OnDeserialized(StreamingContext context)
        {
            if (Message == null && AdditionalFields != null && AdditionalFields.TryGetValue("msg", out var msg)
                && msg.Type == JTokenType.String)
                Message = (string?)msg;
        }

        public override string ToString() => Code ?? string.Empty;
    }
}
