using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>One page of a list answer: its items (raw JSON) and page_info.</summary>
    internal sealed class PdPage : IPdPage
    {
        public PdPage(IReadOnlyList<JToken> items, PdPageInfo pageInfo)
        {
            Items = items;
            PageInfo = pageInfo;
        }

        public IReadOnlyList<JToken> Items { get; }
        public PdPageInfo PageInfo { get; }
        public int Count => Items.Count;

        public string? IdAt(int index) =>
            Items[index] is JObject obj && obj["id"] is JValue id && id.Type == JTokenType.String ? (string?)id : null;

        public PdResponse? Origin { get; internal set; }

        /// <summary>Reads {"page_info": {...}, "data": [...]}; a bare array is accepted as a page without page_info.</summary>
        public static PdPage FromJson(JToken? json)
        {
            var info = new PdPageInfo();
            var items = new List<JToken>();
            JToken? data = json;
            if (json is JObject obj)
            {
                data = obj["data"];
                if (obj["page_info"] is JObject pi)
                {
                    info.TotalCount = PdPageInfo.ReadCount(pi["total_count"]);
                    info.Count = PdPageInfo.ReadCount(pi["count"]);
                    info.StartCursor = PdPageInfo.ReadString(pi["start_cursor"]);
                    info.EndCursor = PdPageInfo.ReadString(pi["end_cursor"]);
                }
            }
            if (data is JArray array)
            {
                items.AddRange(array);
            }
            return new PdPage(items, info);
        }
    }
}
