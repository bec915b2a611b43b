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

    /// <summary>What the pager needs of a page: how many items, their ids, page_info and where it came from.</summary>
    public interface IPdPage
    {
        int Count { get; }
        PdPageInfo PageInfo { get; }

        /// <summary>The id of item <paramref name="index"/>, or null when it has none.</summary>
        string? IdAt(int index);

        /// <summary>The answer this page came from (set by PdClient), for naming it in errors.</summary>
        PdResponse? Origin { get; }
    }

    /// <summary>A page read straight into models (see <see cref="PdPageReader"/>).</summary>
    public sealed class PdPage<T> : IPdPage where T : PdModel
    {
        public PdPage(IReadOnlyList<T> items, PdPageInfo pageInfo)
        {
            Items = items;
            PageInfo = pageInfo;
        }

        public IReadOnlyList<T> Items { get; }
        public PdPageInfo PageInfo { get; }
        public int Count => Items.Count;
        public string? IdAt(int index) => (Items[index] as IPdIdentified)?.Id;

        /// <summary>
        /// Set when an item did not fit its model: <see cref="Items"/> holds the ones before it,
        /// and the reader of the page throws this after writing them.
        /// </summary>
        public PdApiException? Problem { get; internal set; }

        /// <summary>What the item that did not fit its model failed with (Problem is made from it).</summary>
        internal Newtonsoft.Json.JsonException? Misfit { get; set; }

        /// <summary>Items the answer held past the limit the request asked for, read over and left out.</summary>
        internal int Dropped { get; set; }

        public PdResponse? Origin { get; internal set; }
    }

    /// <summary>One page of a list answer: its items (raw JSON) and page_info.</summary>
    public sealed class PdPage : IPdPage
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
        internal static long? ReadCount(JToken? token)
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

        internal static string? ReadString(JToken? token) =>
            token == null || token.Type == JTokenType.Null ? null : token.ToString();
    }
}
