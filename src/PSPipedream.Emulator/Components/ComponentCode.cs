using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PSPipedream.Emulator;

/// <summary>What the emulator reads from a component's code: a loose scan, not a JavaScript parser.</summary>
internal sealed record ParsedComponent(string? Key, string? Name, string? Version, JsonElement ConfigurableProps);

internal static partial class ComponentCode
{
    [GeneratedRegex(@"\bkey\s*:\s*[""'`]([^""'`\r\n]+)[""'`]")]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"\bname\s*:\s*[""'`]([^""'`\r\n]+)[""'`]")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"\bversion\s*:\s*[""'`]([^""'`\r\n]+)[""'`]")]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"\bprops\s*:\s*\{")]
    private static partial Regex PropsRegex();

    [GeneratedRegex(@"\b(type|app|label|description)\s*:\s*[""'`]([^""'`]*)[""'`]")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"\b(secret|optional)\s*:\s*(true|false)\b")]
    private static partial Regex FlagRegex();

    [GeneratedRegex(@"\bdefault\s*:\s*\{\s*intervalSeconds\s*:\s*(\d+)")]
    private static partial Regex TimerDefaultRegex();

    [GeneratedRegex(@"\bdefault\s*:\s*(""[^""]*""|'[^']*'|-?\d+(?:\.\d+)?|true|false)")]
    private static partial Regex ScalarDefaultRegex();

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public static ParsedComponent Parse(string code)
    {
        // Top-level metadata comes before props in nearly every component; read it from the text
        // outside the props block so a prop's "name:" or "key:" is not taken for the component's.
        var (propsStart, propsEnd) = FindProps(code);
        string outside = propsStart < 0 ? code : code[..propsStart] + code[propsEnd..];
        string? key = KeyRegex().Match(outside) is { Success: true } k ? k.Groups[1].Value : null;
        string? name = NameRegex().Match(outside) is { Success: true } n ? n.Groups[1].Value : null;
        string? version = VersionRegex().Match(outside) is { Success: true } v ? v.Groups[1].Value : null;
        var props = propsStart < 0 ? JsonOut.Parse("[]") : ParseProps(code, propsStart, propsEnd);
        return new ParsedComponent(key, name, version, props);
    }

    /// <summary>The span of the props object's body: after its "{" up to its matching "}".</summary>
    private static (int Start, int End) FindProps(string code)
    {
        var m = PropsRegex().Match(code);
        if (!m.Success) return (-1, -1);
        int start = m.Index + m.Length;
        int end = MatchingClose(code, start);
        return (start, end);
    }

    /// <summary>Index of the "}" that closes a block whose body starts at <paramref name="start"/>.</summary>
    private static int MatchingClose(string code, int start)
    {
        int depth = 1;
        for (int i = start; i < code.Length; i++)
        {
            char ch = code[i];
            if (ch is '"' or '\'' or '`')
            {
                i = SkipString(code, i);
                continue;
            }
            if (ch is '{' or '[' or '(') depth++;
            else if (ch is '}' or ']' or ')')
            {
                depth--;
                if (depth == 0) return i;
            }
        }
        return code.Length;
    }

    private static int SkipString(string code, int i)
    {
        char quote = code[i];
        for (int j = i + 1; j < code.Length; j++)
        {
            if (code[j] == '\\') { j++; continue; }
            if (code[j] == quote) return j;
        }
        return code.Length;
    }

    private static JsonElement ParseProps(string code, int start, int end)
    {
        return JsonOut.ToElement(w =>
        {
            w.WriteStartArray();
            int i = start;
            while (i < end)
            {
                // Skip to the start of an identifier at depth 1.
                while (i < end && !(char.IsLetter(code[i]) || code[i] is '_' or '$')) i++;
                if (i >= end) break;
                int nameStart = i;
                while (i < end && (char.IsLetterOrDigit(code[i]) || code[i] is '_' or '$')) i++;
                string propName = code[nameStart..i];
                while (i < end && char.IsWhiteSpace(code[i])) i++;
                if (i >= end || code[i] != ':')
                {
                    // Shorthand or a method: skip to the next comma at this depth.
                    i = NextComma(code, i, end);
                    continue;
                }
                i++;
                while (i < end && char.IsWhiteSpace(code[i])) i++;
                int valueStart = i;
                int valueEnd = NextComma(code, i, end);
                string value = code[valueStart..Math.Min(valueEnd, end)].Trim();
                i = valueEnd + 1;
                WriteProp(w, propName, value);
            }
            w.WriteEndArray();
        });
    }

    private static int NextComma(string code, int i, int end)
    {
        int depth = 0;
        for (; i < end; i++)
        {
            char ch = code[i];
            if (ch is '"' or '\'' or '`') { i = SkipString(code, i); continue; }
            if (ch is '{' or '[' or '(') depth++;
            else if (ch is '}' or ']' or ')') depth--;
            else if (ch == ',' && depth == 0) return i;
        }
        return end;
    }

    private static void WriteProp(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        if (value.Length > 1 && value[0] is '"' or '\'' or '`')
        {
            w.WriteString("type", value[1..^1]);
        }
        else if (value.StartsWith('{'))
        {
            // Only the prop's own fields: drop nested objects (options, defaults) before matching.
            string own = FlattenNested(value);
            foreach (Match f in FieldRegex().Matches(own)) w.WriteString(f.Groups[1].Value, f.Groups[2].Value);
            // A secret prop must say so wherever the component came from, or a client cannot tell which values to hide.
            foreach (Match f in FlagRegex().Matches(own)) w.WriteBoolean(f.Groups[1].Value, f.Groups[2].Value == "true");
            if (TimerDefaultRegex().Match(value) is { Success: true } t && long.TryParse(t.Groups[1].Value, out long seconds))
            {
                w.WriteStartObject("default");
                w.WriteNumber("intervalSeconds", seconds);
                w.WriteEndObject();
            }
            else if (ScalarDefaultRegex().Match(own) is { Success: true } d)
            {
                string raw = d.Groups[1].Value;
                w.WritePropertyName("default");
                if (raw[0] is '"' or '\'') w.WriteStringValue(raw[1..^1]);
                else w.WriteRawValue(raw);
            }
        }
        else
        {
            w.WriteString("type", value);
        }
        w.WriteEndObject();
    }

    private static string FlattenNested(string obj)
    {
        var sb = new StringBuilder(obj.Length);
        int depth = 0;
        for (int i = 0; i < obj.Length; i++)
        {
            char ch = obj[i];
            if (ch is '"' or '\'' or '`')
            {
                int j = SkipString(obj, i);
                if (depth <= 1) sb.Append(obj, i, Math.Min(j, obj.Length - 1) - i + 1);
                i = j;
                continue;
            }
            if (ch is '{' or '[' or '(') { depth++; if (depth == 1) sb.Append(ch); continue; }
            if (ch is '}' or ']' or ')') { if (depth == 1) sb.Append(ch); depth--; continue; }
            if (depth <= 1) sb.Append(ch);
        }
        return sb.ToString();
    }
}
