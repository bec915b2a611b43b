using System;
using System.Management.Automation;
using Newtonsoft.Json;

namespace PSPipedream.Json
{
    /// <summary>Free-form JSON to a PSCustomObject tree (see <see cref="PdJson.ToPSObject"/>) and back (see <see cref="PdFreeForm"/>).</summary>
    internal sealed class PSObjectJsonConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(object) || objectType == typeof(PSObject);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            PdJson.ReadPSObject(reader);

        /// <summary>Writes the value through <see cref="PdFreeForm"/>, so only data is written; anything else throws PdArgumentException.</summary>
        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            PdFreeForm.ToJson(value, string.IsNullOrEmpty(writer.Path) ? "value" : writer.Path).WriteTo(writer);
        }
    }
}
