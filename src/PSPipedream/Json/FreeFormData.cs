using System;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Json
{
    /// <summary>
    /// What counts as data in a free-form value, for <see cref="PdFreeForm"/>: which scalars are
    /// sent and how, which dictionary keys are names, and how a refused type is named.
    /// </summary>
    internal static class FreeFormData
    {
        internal const string Hint = "Use strings, numbers, booleans, dates, hashtables, arrays or PSCustomObjects.";

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
}
