using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Numerics;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Http
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
    public static class PdFreeForm
    {
        /// <summary>The most levels of nested objects and arrays a value may have.</summary>
        public const int MaxDepth = 64;

        /// <summary>The most values (objects, arrays and scalars, counted each time they appear) one value may hold.</summary>
        public const int MaxValues = 1000000;

        internal const string DataHint = "Use strings, numbers, booleans, dates, hashtables, arrays or PSCustomObjects.";

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
            if (Unwrap(value) is string text)
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

        /// <summary>The value inside a PSObject (a PSCustomObject stays wrapped: its properties are the data); AutomationNull is null.</summary>
        internal static object? Unwrap(object? value)
        {
            while (value is PSObject pso)
            {
                if (ReferenceEquals(pso, AutomationNull.Value)) return null;
                var inner = pso.BaseObject;
                if (inner is PSCustomObject || ReferenceEquals(inner, pso)) return pso;
                value = inner;
            }
            return value;
        }

        /// <summary>A data scalar as a JValue; false when <paramref name="value"/> is a container or not data.</summary>
        internal static bool TryScalar(object? value, out JValue? scalar)
        {
            switch (value)
            {
                case null:
                case DBNull _:
                    scalar = JValue.CreateNull();
                    return true;
                case string s:
                    scalar = new JValue(s);
                    return true;
                case char c:
                    scalar = new JValue(c.ToString());
                    return true;
                case bool b:
                    scalar = new JValue(b);
                    return true;
                case SwitchParameter sp:
                    scalar = new JValue(sp.IsPresent);
                    return true;
                case Enum e:
                    scalar = new JValue(e.ToString());
                    return true;
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                    scalar = new JValue(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    return true;
                case ulong u:
                    scalar = new JValue(u);
                    return true;
                case float f:
                    scalar = new JValue(f);
                    return true;
                case double d:
                    scalar = new JValue(d);
                    return true;
                case decimal m:
                    scalar = new JValue(m);
                    return true;
                case BigInteger big:
                    scalar = new JValue((object)big);
                    return true;
                case DateTime dt:
                    scalar = new JValue(dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                    return true;
                case DateTimeOffset dto:
                    scalar = new JValue(dto.ToString("o", CultureInfo.InvariantCulture));
                    return true;
                case Guid g:
                    scalar = new JValue(g.ToString("D"));
                    return true;
                case Uri uri:
                    scalar = new JValue(uri.OriginalString);
                    return true;
                case JValue given:
                    scalar = (JValue)given.DeepClone();
                    return true;
            }
            scalar = null;
            return false;
        }

        /// <summary>A dictionary key as a JSON name: strings, chars, numbers, booleans and enums; null for any other type.</summary>
        internal static string? KeyName(object? key)
        {
            switch (Unwrap(key))
            {
                case string s:
                    return s;
                case Enum e:
                    return e.ToString();
                case char _:
                case bool _:
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case float _:
                case double _:
                case decimal _:
                case BigInteger _:
                    return System.Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture) ?? string.Empty;
                default:
                    return null;
            }
        }

        /// <summary>A scalar JValue as query text; null for a JSON null (the parameter is left out).</summary>
        internal static string? QueryText(JValue scalar)
        {
            switch (scalar.Type)
            {
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Boolean:
                    return (bool)scalar.Value! ? "true" : "false";
                case JTokenType.Date:
                    return scalar.Value is DateTimeOffset dto
                        ? dto.ToString("o", CultureInfo.InvariantCulture)
                        : ((DateTime)scalar.Value!).ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                default:
                    return scalar.Value is IFormattable formattable
                        ? formattable.ToString(null, CultureInfo.InvariantCulture)
                        : System.Convert.ToString(scalar.Value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>"System.Collections.Generic.List[System.String]": a type's full name without assembly details.</summary>
        internal static string TypeName(object value)
        {
            if (value is Type) return "System.Type";
            return TypeName(value.GetType());
        }

        private static string TypeName(Type type)
        {
            if (!type.IsGenericType || type.IsGenericTypeDefinition) return type.FullName ?? type.Name;
            var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            var arguments = type.GetGenericArguments();
            var parts = new string[arguments.Length];
            for (var i = 0; i < arguments.Length; i++) parts[i] = TypeName(arguments[i]);
            return name + "[" + string.Join(",", parts) + "]";
        }

        /// <summary>"a" or "an" before a type name.</summary>
        internal static string Article(string name) =>
            name.Length > 0 && "AEIOUaeiou".IndexOf(name[0]) >= 0 ? "an" : "a";
    }

    /// <summary>Why a free-form value was refused; never leaves <see cref="PdFreeForm"/>.</summary>
    internal sealed class FreeFormProblem : Exception
    {
        public FreeFormProblem(string message) : base(message)
        {
        }
    }

    /// <summary>Object identity, for finding a value inside itself.</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
