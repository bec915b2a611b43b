namespace PSPipedream.Emulator;

/// <summary>
/// What a webhook URL may be. The URL is shown in every webhook listing, every log line of a delivery
/// and every error about it, and loopback ones are POSTed to, so it has to be a plain http(s) address.
/// </summary>
internal static class WebhookUrl
{
    /// <summary>Why <paramref name="url"/> cannot be a webhook's URL; null when it can.</summary>
    public static string? Problem(string url)
    {
        // Checked before parsing: Uri quietly drops leading and trailing whitespace and some inner
        // tabs and line breaks, so the URL it gives back would not be the one the client sent.
        foreach (char ch in url)
        {
            if (char.IsControl(ch) || char.IsWhiteSpace(ch))
                return "url must not contain whitespace or control characters (percent-encode them)";
        }
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return "url must be an http or https URL with a host";
        if (uri.UserInfo.Length > 0 || Authority(url).Contains('@'))
            return "url must not hold a user name or password (user:password@host): they would be shown wherever the webhook is";
        return null;
    }

    /// <summary>The text between <c>://</c> and the path, query or fragment: where user info would be.</summary>
    private static string Authority(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int end = url.IndexOfAny(['/', '?', '#', '\\'], start);
        return end < 0 ? url[start..] : url[start..end];
    }
}
