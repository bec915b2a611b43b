using System.Text;

namespace PSPipedream.Emulator;

/// <summary>Slugs of names (lower-case letters and digits joined by dashes), as the API makes name_slug.</summary>
internal static class Slug
{
    /// <summary>The slug of <paramref name="name"/>, or <paramref name="fallback"/> when it has none.</summary>
    public static string Or(string name, string fallback) => Of(name) is { Length: > 0 } s ? s : fallback;

    public static string Of(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool dash = false;
        foreach (char ch in name.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(ch);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return sb.ToString();
    }
}
