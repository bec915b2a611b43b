namespace PSPipedream.Emulator;

internal static class Utf8Text
{
    /// <summary>The length of the longest start of <paramref name="utf8"/> of at most <paramref name="max"/> bytes that splits no character.</summary>
    public static int PrefixLength(ReadOnlySpan<byte> utf8, int max)
    {
        if (utf8.Length <= max) return utf8.Length;
        int n = max;
        while (n > 0 && (utf8[n] & 0xC0) == 0x80) n--;  // utf8[n] continues a character begun before it
        return n;
    }
}
