using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Json;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>
    /// The one place that checks a resource answer is what the API promises (a "data" object
    /// that fits its model; pages are checked as they are read, by <see cref="PdPageReader"/>).
    /// Anything else is PdInvalidResponse, never a serializer exception and never a silent null.
    /// </summary>
    internal static class PdAnswer
    {
        /// <summary>The "data" object of an answer, mapped to <typeparamref name="T"/>.</summary>
        public static T Resource<T>(PdResponse response) where T : class
        {
            if (response.Body == null) throw Invalid(response, "with an empty body where a " + typeof(T).Name.ToLowerInvariant() + " was expected");
            if (!(response.Body is JObject obj)) throw Invalid(response, "with " + Describe(response.Body) + " where an object was expected");
            if (!obj.TryGetValue("data", out var data)) throw Invalid(response, "without \"data\"");
            if (!(data is JObject)) throw Invalid(response, "with " + Describe(data) + " as \"data\" where an object was expected");
            return ToModel<T>(response, data, "\"data\"");
        }

        /// <summary>
        /// The "data" value of an object body, else the body itself (null when there is none): for
        /// answers whose shape is not promised, written as they came.
        /// </summary>
        public static JToken? DataOrBody(JToken? body) =>
            body is JObject obj && obj.TryGetValue("data", out var data) ? data : body;

        /// <summary>An item mapped to its model; a field of the wrong type is PdInvalidResponse naming the item.</summary>
        public static T ToModel<T>(PdResponse? origin, JToken item, string where) where T : class
        {
            try
            {
                var model = PdJson.ToModel<T>(item);
                if (model == null) throw Invalid(origin, "with null as " + where + " where an object was expected");
                return model;
            }
            catch (JsonException ex)
            {
                throw Invalid(origin, string.Format(CultureInfo.InvariantCulture, "with {0} that does not fit a {1}: {2}",
                    where, typeof(T).Name, PdText.Quote(ex.Message)), ex);
            }
        }

        /// <summary>PdInvalidResponse for an answer that is not what the API promises.</summary>
        public static PdApiException Invalid(PdResponse? origin, string what, Exception? inner = null)
        {
            if (origin == null)
                return new PdApiException(PdErrors.InvalidResponse, "The API answered " + what + ".", innerException: inner);
            var status = origin.Status.HasValue
                ? (origin.Status.Value.ToString(CultureInfo.InvariantCulture) + " " + origin.Reason).TrimEnd()
                : "without a status";
            var text = string.Format(CultureInfo.InvariantCulture, "{0} {1} answered {2} {3}.",
                origin.Method, PdText.Quote(origin.Path), status, what);
            return new PdApiException(PdErrors.InvalidResponse, text, origin.Method, origin.Path, origin.Status, null, inner)
            {
                Attempts = origin.Attempts,
            };
        }

        /// <summary>"a string", "a list", "null": what a token is, for messages.</summary>
        internal static string Describe(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object: return "an object";
                case JTokenType.Array: return "a list";
                case JTokenType.String: return "a string";
                case JTokenType.Integer:
                case JTokenType.Float: return "a number";
                case JTokenType.Boolean: return "a boolean";
                case JTokenType.Null:
                case JTokenType.Undefined: return "null";
                default: return "a " + token.Type.ToString().ToLowerInvariant();
            }
        }
    }
}
