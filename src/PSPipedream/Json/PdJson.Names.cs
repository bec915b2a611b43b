using System.Text;
using Newtonsoft.Json.Serialization;

namespace PSPipedream.Json
{
    /// <summary>The API's snake_case names and PowerShell's PascalCase, each way.</summary>
    internal static partial class PdJson
    {
        /// <summary>snake_case or camelCase to PascalCase: "name_slug" -> "NameSlug".</summary>
        public static string ToPascalCase(string name)
        {
            if (string.IsNullOrEmpty(name)) return name;
            var sb = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (c == '_' || c == '-')
                {
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.Length == 0 ? name : sb.ToString();
        }

        /// <summary>PascalCase to snake_case: "NameSlug" -> "name_slug", "CreatedAt" -> "created_at".</summary>
        public static string ToSnakeCase(string name) => new SnakeCaseNamingStrategy().GetPropertyName(name, false);
    }
}
