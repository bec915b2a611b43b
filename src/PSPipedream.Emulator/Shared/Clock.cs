namespace PSPipedream.Emulator;

internal static class Clock
{
    public static long NowSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
