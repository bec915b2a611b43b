using System;
using System.Collections;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Json
{
    /// <summary>
    /// The one converter for free-form values a user gives (-Props, -Body, -Query): data becomes
    /// JSON or query text, and anything that cannot be sent is refused before any request, naming
    /// the parameter and the place inside the value. Refused: a value that contains itself, more
    /// than <see cref="MaxDepth"/> levels of nesting, more than <see cref="MaxValues"/> values in
    /// all (a value shared by many places counts in each), and objects that are not data (a
    /// Process, a ScriptBlock, a SecureString, ...), which would otherwise be serialised
    /// reflectively. Recursion never goes deeper than <see cref="MaxDepth"/>, so no input can
    /// overflow the stack, and the work is linear in the size of the input.
    /// </summary>
    internal static class PdFreeForm
    {
        /// <summary>The most levels of nested objects and arrays a value may have.</summary>
        public const int MaxDepth = 64;

        /// <summary>The most values (objects, arrays and scalars, counted each time they appear) one value may hold.</summary>
        public const int MaxValues = 1000000;

        /// <summary>
        /// <paramref name="value"/> as JSON. Throws a <see cref="PdArgumentException"/> naming
        /// <paramref name="parameterName"/> when it cannot be sent.
        /// </summary>
        public static JToken ToJson(object? value, string parameterName)
        {
            if (TryToJson(value, parameterName, out var json, out var problem)) return json!;
            throw Refusal(parameterName, problem!, value);
        }

        /// <summary>
        /// <paramref name="value"/> as JSON; false (with the reason, which names the place inside
        /// the value, in <paramref name="problem"/>) when it cannot be sent.
        /// </summary>
        public static bool TryToJson(object? value, string parameterName, out JToken? json, out string? problem)
        {
            json = null;
            problem = null;
            try
            {
                json = new FreeFormWalker(parameterName).Convert(value);
                return true;
            }
            catch (FreeFormProblem ex)
            {
                problem = ex.Message;
                return false;
            }
        }

        /// <summary>
        /// Like <see cref="TryToJson"/> for a request body, where a string (or a PSObject wrapping
        /// one) is JSON text: it is parsed, not sent as a JSON string.
        /// </summary>
        public static bool TryToJsonBody(object? value, string parameterName, out JToken? json, out string? problem)
        {
            if (FreeFormData.Unwrap(value) is string text)
            {
                json = null;
                problem = null;
                try
                {
                    json = PdJson.Parse(text);
                    return true;
                }
                catch (JsonException ex)
                {
                    problem = "The string is not valid JSON: " + PdText.Quote(ex.Message) + (ex.Message.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".");
                    return false;
                }
            }
            return TryToJson(value, parameterName, out json, out problem);
        }

        /// <summary>
        /// The entries of <paramref name="query"/> as query parameters, in order: a value of null
        /// means "leave the parameter out". Strings go as they are, booleans as true/false,
        /// numbers in the invariant culture, dates as ISO 8601 (UTC for DateTime), a flat array as
        /// its values joined with commas; a nested object or array is refused.
        /// </summary>
        public static bool TryToQuery(IDictionary query, string parameterName,
            out IReadOnlyList<KeyValuePair<string, string?>>? pairs, out string? problem)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            pairs = null;
            problem = null;
            try
            {
                pairs = new FreeFormWalker(parameterName).ConvertQuery(query);
                return true;
            }
            catch (FreeFormProblem ex)
            {
                problem = ex.Message;
                return false;
            }
        }

        private static PdArgumentException Refusal(string parameterName, string problem, object? value) =>
            (PdArgumentException)PdErrors.InvalidArgumentRecord(parameterName, problem, value).Exception;
    }
}
