using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Newtonsoft.Json.Serialization;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>
    /// Maps the PascalCase property names users type (-Property Id,CreatedAt) to the API's field
    /// names (id,created_at), from each model's own JSON contract (so OrgName -> orgname and
    /// BillingPeriodStart -> billing_period_start_ts). API names pass through; unknown PascalCase
    /// names are snake_cased.
    /// </summary>
    internal static class PdFieldMap
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, string>> Maps =
            new ConcurrentDictionary<Type, Dictionary<string, string>>();

        public static string ToApiName(Type modelType, string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A field name is empty.", nameof(name));
            name = name.Trim();
            var map = Maps.GetOrAdd(modelType, Build);
            if (map.TryGetValue(name, out var apiName)) return apiName;
            return PdJson.ToSnakeCase(name);
        }

        public static string ToApiName<T>(string name) => ToApiName(typeof(T), name);

        private static Dictionary<string, string> Build(Type type)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (PdJson.Serializer.ContractResolver.ResolveContract(type) is JsonObjectContract contract)
            {
                foreach (var property in contract.Properties)
                {
                    if (property.Ignored || property.PropertyName == null) continue;
                    if (property.UnderlyingName != null) map[property.UnderlyingName] = property.PropertyName;
                    map[property.PropertyName] = property.PropertyName;
                }
            }
            return map;
        }
    }
}
