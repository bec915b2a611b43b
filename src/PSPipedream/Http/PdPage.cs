using System;
using System.Collections.Generic;
using System.Globalization;
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

        /// <summary>The answer this page came from (set by PdClient), for naming it in errors.</summary>
        internal PdResponse? Origin { get; set; }

        /// <summary>An item mapped to its model; an item that does not fit is PdInvalidResponse.</summary>
        public T ToModel<T>(JToken item) where T : class => PdAnswer.ToModel<T>(Origin, item, "an item of \"data\"");

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
                    info.TotalCount = ReadCount(pi["total_count"]);
                    info.Count = ReadCount(pi["count"]);
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

        /// <summary>A count: a whole number from 0 to long.MaxValue (number or numeric string), else null (unknown).</summary>
        private static long? ReadCount(JToken? token)
        {
            if (token == null) return null;
            long value;
            switch (token.Type)
            {
                case JTokenType.Integer:
                    var raw = ((JValue)token).Value;
                    if (raw is System.Numerics.BigInteger) return null; // beyond a long
                    value = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                    break;
                case JTokenType.Float:
                    var d = token.Value<double>();
                    if (!(d >= 0 && d < long.MaxValue)) return null;
                    value = (long)d;
                    break;
                case JTokenType.String:
                    if (!long.TryParse(token.Value<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out value)) return null;
                    break;
                default:
                    return null;
            }
            return value >= 0 ? value : (long?)null;
        }

        private static string? ReadString(JToken? token) =>
            token == null || token.Type == JTokenType.Null ? null : token.ToString();
    }
}
