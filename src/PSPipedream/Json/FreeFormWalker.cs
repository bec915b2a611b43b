using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PSPipedream.Text;

namespace PSPipedream.Json
{
    /// <summary>
    /// One walk over a free-form value for <see cref="PdFreeForm"/>. It keeps the path from the
    /// root to the value in hand (rendered only for a message, e.g. Props.timer.list[2]) and the
    /// containers open along it, which is how a value found inside itself is told from one that
    /// is merely shared. Recursion is one level per nesting level and stops at
    /// <see cref="PdFreeForm.MaxDepth"/>.
    /// </summary>
    internal sealed partial class FreeFormWalker
    {
        private static readonly Regex PlainName = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        private readonly string _root;
        private readonly List<object> _path = new List<object>();
        private readonly Dictionary<object, int> _open = new Dictionary<object, int>(ReferenceComparer.Instance);
        private int _count;

        public FreeFormWalker(string parameterName)
        {
            _root = parameterName;
        }

        public JToken Convert(object? value) => Value(value, 1);

        private JToken Value(object? value, int level)
        {
            Count();
            value = FreeFormData.Unwrap(value);
            if (FreeFormData.TryScalar(value, out var scalar)) return scalar!;
            switch (value)
            {
                case PSObject custom:
                    return Container(custom, level, () => CustomObject(custom, level));
                case JObject jobject:
                    return Container(jobject, level, () => JsonObject(jobject, level));
                case JArray jarray:
                    return Container(jarray, level, () => Sequence(jarray, level));
                case JToken _:
                    throw NotData(value);
                case IDictionary dictionary:
                    return Container(dictionary, level, () => Dictionary(dictionary, level));
                case IEnumerable sequence:
                    return Container(sequence, level, () => Sequence(sequence, level));
                default:
                    throw NotData(value!);
            }
        }

        /// <summary>Converts a container once its identity and level are checked.</summary>
        private JToken Container(object identity, int level, Func<JToken> convert)
        {
            if (_open.TryGetValue(identity, out var start))
            {
                throw Problem(string.Format(CultureInfo.InvariantCulture,
                    "{0} refers back to {1}: a value that contains itself cannot be sent.", Path(), Path(start)));
            }
            if (level > PdFreeForm.MaxDepth)
            {
                throw Problem(string.Format(CultureInfo.InvariantCulture,
                    "{0} is nested more than {1} levels deep, the most that can be sent.", Path(), PdFreeForm.MaxDepth));
            }
            _open.Add(identity, _path.Count);
            try
            {
                return convert();
            }
            finally
            {
                _open.Remove(identity);
            }
        }

        private JObject Dictionary(IDictionary dictionary, int level)
        {
            var result = new JObject();
            var entries = Read(dictionary.GetEnumerator);
            try
            {
                while (Next(entries))
                {
                    var entry = ReadEntry(entries);
                    var name = Name(entry.Key);
                    _path.Add(name);
                    result[name] = Value(entry.Value, level + 1);
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            finally
            {
                (entries as IDisposable)?.Dispose();
            }
            return result;
        }

        private JObject CustomObject(PSObject custom, int level)
        {
            var result = new JObject();
            var properties = Read(() => custom.Properties.GetEnumerator());
            try
            {
                while (Next(properties))
                {
                    var property = properties.Current;
                    _path.Add(property.Name);
                    var value = ReadValue(property);
                    result[property.Name] = Value(value, level + 1);
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            finally
            {
                properties.Dispose();
            }
            return result;
        }

        private JObject JsonObject(JObject given, int level)
        {
            var result = new JObject();
            foreach (var property in given.Properties())
            {
                _path.Add(property.Name);
                result[property.Name] = Value(property.Value, level + 1);
                _path.RemoveAt(_path.Count - 1);
            }
            return result;
        }

        private JArray Sequence(IEnumerable sequence, int level)
        {
            var result = new JArray();
            var items = Read(sequence.GetEnumerator);
            try
            {
                for (var i = 0; Next(items); i++)
                {
                    _path.Add(i);
                    result.Add(Value(ReadCurrent(items), level + 1));
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            finally
            {
                (items as IDisposable)?.Dispose();
            }
            return result;
        }

        /// <summary>A dictionary key as a name; a key that is not a string, number, boolean or enum is refused.</summary>
        private string Name(object? key)
        {
            var name = FreeFormData.KeyName(key);
            if (name != null) return name;
            var kind = FreeFormData.Unwrap(key) is object k ? FreeFormData.TypeName(k) : "null";
            throw Problem(string.Format(CultureInfo.InvariantCulture,
                "{0} has a key of type {1}; keys must be strings, numbers, booleans or enum values.", Path(), kind));
        }

        private void Count()
        {
            if (++_count > PdFreeForm.MaxValues)
            {
                throw Problem(string.Format(CultureInfo.InvariantCulture,
                    "{0} holds more than {1:N0} values (a value used in several places counts each time), too many to send.",
                    _root, PdFreeForm.MaxValues));
            }
        }

        private FreeFormProblem NotData(object value)
        {
            var kind = FreeFormData.TypeName(value);
            return Problem(string.Format(CultureInfo.InvariantCulture, "{0} holds {1} {2}, which is not data. {3}",
                Path(), FreeFormData.Article(kind), kind, FreeFormData.Hint));
        }

        private static FreeFormProblem Problem(string message) => new FreeFormProblem(message);

        /// <summary>The path to the current value, quoted for a message (control characters escaped, cut at 200 characters).</summary>
        private string Path() => Path(_path.Count);

        private string Path(int length)
        {
            var sb = new StringBuilder(_root);
            for (var i = 0; i < length && sb.Length <= PdText.MaxQuoted; i++)
            {
                switch (_path[i])
                {
                    case int index:
                        sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                        break;
                    case string name when PlainName.IsMatch(name):
                        sb.Append('.').Append(name);
                        break;
                    case string name:
                        sb.Append("['").Append(name.Replace("'", "''")).Append("']");
                        break;
                }
            }
            return PdText.Quote(sb.ToString());
        }
    }
}
