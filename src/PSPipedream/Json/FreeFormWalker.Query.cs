using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Json
{
    /// <summary>
    /// Query parameters from a dictionary: each value a scalar or a flat list of scalars (joined
    /// with commas). Nothing here recurses, so a dictionary that holds itself is simply an object
    /// where a query value was expected.
    /// </summary>
    internal sealed partial class FreeFormWalker
    {
        /// <summary>The entries as (name, text) pairs in order; a null text means "leave the parameter out".</summary>
        public IReadOnlyList<KeyValuePair<string, string?>> ConvertQuery(IDictionary query)
        {
            var pairs = new List<KeyValuePair<string, string?>>();
            var entries = Read(query.GetEnumerator);
            try
            {
                while (Next(entries))
                {
                    var entry = ReadEntry(entries);
                    var name = Name(entry.Key);
                    if (name.Length == 0) throw Problem(_root + " has a parameter without a name.");
                    _path.Add(name);
                    pairs.Add(new KeyValuePair<string, string?>(name, QueryValue(entry.Value)));
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            finally
            {
                (entries as IDisposable)?.Dispose();
            }
            return pairs;
        }

        private string? QueryValue(object? value)
        {
            Count();
            value = FreeFormData.Unwrap(value);
            if (FreeFormData.TryScalar(value, out var scalar)) return FreeFormData.QueryText(scalar!);
            if (value is IDictionary || value is PSObject || (value is JToken && !(value is JArray)) || !(value is IEnumerable sequence))
            {
                throw NotAQueryValue(value!);
            }

            var parts = new List<string>();
            var items = Read(sequence.GetEnumerator);
            try
            {
                for (var i = 0; Next(items); i++)
                {
                    Count();
                    _path.Add(i);
                    var item = FreeFormData.Unwrap(ReadCurrent(items));
                    if (!FreeFormData.TryScalar(item, out var itemScalar))
                    {
                        if (item is IEnumerable && !(item is IDictionary) && !(item is JObject))
                        {
                            throw Problem(Path() + " is a list inside a list; a query value can be one value or a flat list of values.");
                        }
                        throw NotAQueryValue(item!);
                    }
                    var text = FreeFormData.QueryText(itemScalar!);
                    if (text != null) parts.Add(text);
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            finally
            {
                (items as IDisposable)?.Dispose();
            }
            return string.Join(",", parts);
        }

        private FreeFormProblem NotAQueryValue(object value)
        {
            if (value is IDictionary || value is PSObject || value is JObject)
            {
                var kind = value is PSObject ? "PSCustomObject" : FreeFormData.TypeName(value);
                return Problem(string.Format(CultureInfo.InvariantCulture,
                    "{0} holds {1} {2}; a query value must be a string, number, boolean or date, or a flat list of them.",
                    Path(), FreeFormData.Article(kind), kind));
            }
            return NotData(value);
        }
    }
}
