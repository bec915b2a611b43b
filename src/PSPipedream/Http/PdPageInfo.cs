using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
{
    /// <summary>page_info of a list answer.</summary>
    internal sealed class PdPageInfo
    {
        public long? TotalCount { get; set; }
        public long? Count { get; set; }
        public string? StartCursor { get; set; }
        public string? EndCursor { get; set; }

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
