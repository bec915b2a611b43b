using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>page_info of a list answer.</summary>
    public sealed class PdPageInfo
    {
        public long? TotalCount { get; set; }
        public long? Count { get; set; }
        public string? StartCursor { get; set; }
        public string? EndCursor { get; set; }
    }

    /// <summary>One page of a list answer: its items (raw JSON) and page_info.</summary>
    public sealed class PdPage
    {
        public PdPage(IReadOnlyList<JToken> items, PdPageInfo pageInfo)
        {
            Items = items;
            PageInfo = pageInfo;
        }

        public IReadOnlyList<JToken> Items { get; }
        public PdPageInfo PageInfo { get; }

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
                    info.TotalCount = ReadLong(pi["total_count"]);
                    info.Count = ReadLong(pi["count"]);
                    info.StartCursor = ReadString(pi["start_cursor"]);
                    info.EndCursor = ReadString(pi["end_cursor"]);
                }
            }
            if (data is JArray array)
            {
                items.AddRange(array);
            }
            return new PdPage(items, info);
        }

        private static long? ReadLong(JToken? token)
        {
            if (token == null) return null;
            if (token.Type == JTokenType.Integer || token.Type == JTokenType.Float) return token.Value<long>();
            if (token.Type == JTokenType.String && long.TryParse(token.Value<string>(), out var l)) return l;
            return null;
        }

        private static string? ReadString(JToken? token) =>
            token == null || token.Type == JTokenType.Null ? null : token.ToString();
    }
}
