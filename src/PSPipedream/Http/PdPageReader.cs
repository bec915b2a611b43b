using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Json;

namespace PSPipedream.Http
{
    /// <summary>
    /// Reads a list page, {"page_info": {...}, "data": [objects]}, token by token into models:
    /// no string of the whole body and no JToken tree. Used on the response stream itself, and on
    /// the body text when it was kept for -Debug, so both check the same things. An answer of the
    /// wrong shape is a <see cref="PdShapeException"/> saying what came back, in the words of
    /// <see cref="PdAnswer"/>; an item that does not fit its model is noted in
    /// <see cref="PdPage{T}.Misfits"/> (with its id when it has one) and the items after it are
    /// still read: <see cref="PdPage{T}.Items"/> ends at the first misfit, <see cref="PdPage{T}.Fitting"/>
    /// holds them all.
    /// </summary>
    internal static class PdPageReader
    {
        /// <summary>The body reader of a page of <typeparamref name="T"/>, for <see cref="PdClient.ExchangeAsync"/>.</summary>
        /// <param name="maxItems">The request's limit: items past it are read over, not made into models, and counted in <see cref="PdPage{T}.Dropped"/>.</param>
        public static Func<JsonReader, object> For<T>(int? maxItems = null) where T : PdModel =>
            maxItems == null ? ReaderOf<T>.Instance : reader => Read<T>(reader, PdJson.Serializer, maxItems);

        private static class ReaderOf<T> where T : PdModel
        {
            public static readonly Func<JsonReader, object> Instance = reader => Read<T>(reader, PdJson.Serializer);
        }

        public static PdPage<T> Read<T>(JsonReader body, JsonSerializer serializer, int? maxItems = null) where T : PdModel
        {
            var reader = new PdTokenReader(body);
            if (!reader.Read()) throw new PdShapeException("with an empty body where a list was expected");
            if (reader.TokenType != JsonToken.StartObject)
                throw new PdShapeException("with " + Describe(reader.TokenType) + " where a list page was expected");

            var info = new PdPageInfo();
            List<T>? items = null;
            var misfits = new List<PdMisfit>();
            var dropped = 0;
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                switch (name)
                {
                    case "data":
                        if (reader.TokenType != JsonToken.StartArray)
                            throw new PdShapeException("with " + Describe(reader.TokenType) + " as \"data\" where a list was expected");
                        items = new List<T>();
                        dropped = ReadItems(reader, serializer, items, misfits, maxItems ?? int.MaxValue);
                        break;
                    case "page_info" when reader.TokenType == JsonToken.StartObject:
                        ReadPageInfo(reader, info);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            // Nothing but comments may follow the object (a second document or a cut-off tail is malformed JSON).
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Unexpected content after the JSON value.");
            }
            if (items == null) throw new PdShapeException("without \"data\"");
            var before = misfits.Count == 0 ? items : items.GetRange(0, misfits[0].Position);
            return new PdPage<T>(before, info) { Fitting = items, Misfits = misfits, Dropped = dropped };
        }

        /// <summary>The items of "data" (the reader is on its StartArray), and those that did not fit; returns how many past the limit were dropped.</summary>
        private static int ReadItems<T>(PdTokenReader reader, JsonSerializer serializer, List<T> items, List<PdMisfit> misfits, int maxItems)
            where T : PdModel
        {
            var index = 0;
            var dropped = 0;
            while (Next(reader) != JsonToken.EndArray)
            {
                index++;
                if (reader.TokenType != JsonToken.StartObject)
                {
                    throw new PdShapeException(string.Format(CultureInfo.InvariantCulture,
                        "with {0} as item {1} of \"data\" where an object was expected", Describe(reader.TokenType), index));
                }
                if (items.Count + misfits.Count >= maxItems)
                {
                    dropped++;
                    reader.Skip();
                    continue;
                }
                var depth = reader.Depth;
                reader.WatchId();
                try
                {
                    items.Add(serializer.Deserialize<T>(reader)!);
                }
                catch (JsonException ex)
                {
                    // The rest of the item is read past (its id may still come), and the items after it are read as usual.
                    while (reader.Depth > depth || reader.TokenType != JsonToken.EndObject)
                    {
                        if (!reader.Read()) throw new JsonReaderException("Unexpected end of the JSON body.");
                    }
                    misfits.Add(new PdMisfit(items.Count + misfits.Count, reader.WatchedId, ex));
                }
            }
            return dropped;
        }

        private static void ReadPageInfo(PdTokenReader reader, PdPageInfo info)
        {
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                switch (name)
                {
                    case "total_count":
                        info.TotalCount = PdPageInfo.ReadCount(Scalar(reader));
                        break;
                    case "count":
                        info.Count = PdPageInfo.ReadCount(Scalar(reader));
                        break;
                    case "start_cursor":
                        info.StartCursor = PdPageInfo.ReadString(Scalar(reader));
                        break;
                    case "end_cursor":
                        info.EndCursor = PdPageInfo.ReadString(Scalar(reader));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        /// <summary>The current value as a token (a scalar is one JValue; anything else is read whole).</summary>
        private static JToken Scalar(PdTokenReader reader) => JToken.ReadFrom(reader);

        /// <summary>The next token that is not a comment; the end of the body there is malformed JSON.</summary>
        private static JsonToken Next(PdTokenReader reader)
        {
            do
            {
                if (!reader.Read()) throw new JsonReaderException("Unexpected end of the JSON body.");
            }
            while (reader.TokenType == JsonToken.Comment);
            return reader.TokenType;
        }

        /// <summary>What a token starts, in the words of <see cref="PdAnswer.Describe"/>.</summary>
        private static string Describe(JsonToken token)
        {
            switch (token)
            {
                case JsonToken.StartObject: return "an object";
                case JsonToken.StartArray: return "a list";
                case JsonToken.String: return "a string";
                case JsonToken.Integer:
                case JsonToken.Float: return "a number";
                case JsonToken.Boolean: return "a boolean";
                case JsonToken.Null:
                case JsonToken.Undefined: return "null";
                default: return "a " + token.ToString().ToLowerInvariant();
            }
        }
    }
}
