using System.Text;

namespace PSPipedream.Emulator;

/// <summary>The page cursors of owner lists: the unpadded base64 of an item's id, as the API shows.</summary>
internal static class Cursors
{
    public static string Encode(string id)
    {
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=');
    }

    /// <summary>The id a cursor names, or null when it is not the base64 of an id (<c>prefix_chars</c>).</summary>
    public static string? Decode(string cursor)
    {
        string s = cursor.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        string id;
        try
        {
            id = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(s));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
        return IsIdShaped(id) ? id : null;
    }

    private static bool IsIdShaped(string id)
    {
        int underscore = id.IndexOf('_');
        if (underscore <= 0 || underscore == id.Length - 1) return false;
        for (int i = 0; i < id.Length; i++)
        {
            char ch = id[i];
            bool ok = i < underscore ? ch is >= 'a' and <= 'z' : i == underscore || char.IsAsciiLetterOrDigit(ch);
            if (!ok) return false;
        }
        return true;
    }
}
