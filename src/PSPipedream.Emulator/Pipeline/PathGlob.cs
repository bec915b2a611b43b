namespace PSPipedream.Emulator;

/// <summary>
/// Fault path globs: <c>*</c> stands for any run of characters (none included), every other character
/// for itself, compared case-insensitively. Matching never backtracks further than the last star, so a
/// glob of m characters against a path of n costs at most O(n * m), whatever the glob holds. (A regex
/// built from <c>*a*a*a*a*a*a*a*a*b</c> took seconds on a path of 52 <c>a</c>s, under the fault lock.)
/// </summary>
internal static class PathGlob
{
    public static bool IsMatch(string glob, string path)
    {
        int g = 0, p = 0;
        // Where the last star seen is, and how much of the path it has taken so far.
        int star = -1, starTaken = 0;
        while (p < path.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                starTaken = p;
            }
            else if (g < glob.Length && SameLetter(glob[g], path[p]))
            {
                g++;
                p++;
            }
            else if (star >= 0)
            {
                // Let the last star take one more character and try the rest of the glob again from there.
                // Earlier stars never need to move: whatever they would take, this one can take instead.
                g = star + 1;
                p = ++starTaken;
            }
            else
            {
                return false;
            }
        }
        while (g < glob.Length && glob[g] == '*') g++;
        return g == glob.Length;
    }

    private static bool SameLetter(char a, char b) =>
        a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
