using System.Buffers;

namespace PSPipedream.Emulator;

/// <summary>What a workflow id chosen by a test (rather than made up) may be.</summary>
internal static class WorkflowIds
{
    public const int MaxChosenLength = 100;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    /// <summary>
    /// <c>p_</c> then letters, digits, <c>_</c> or <c>-</c>, so that the id can sit in a URL path, a log line or
    /// a subscription unescaped (no <c>/</c>, no <c>*</c> glob, no whitespace). Else a 400.
    /// </summary>
    public static void CheckChosen(string? id)
    {
        if (id is null || !id.StartsWith("p_", StringComparison.Ordinal))
            throw new ApiException(400, "a workflow id must start with p_");
        if (id.Length > MaxChosenLength)
            throw new ApiException(400, $"a workflow id must be at most {MaxChosenLength} characters");
        if (id.Length == 2 || id.AsSpan(2).ContainsAnyExcept(IdCharacters))
            throw new ApiException(400, "a workflow id must be p_ followed by letters, digits, _ or - (no whitespace, control characters, / or *)");
    }
}
