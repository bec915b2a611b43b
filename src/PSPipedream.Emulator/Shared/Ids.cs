namespace PSPipedream.Emulator;

/// <summary>Made-up ids and keys: random characters from the alphabets the real API uses.</summary>
internal static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ApiKeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length) => RandomOf(Alphabet, length);

    public static string NewApiKey() => RandomOf(ApiKeyAlphabet, 32);

    private static string RandomOf(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = chars[System.Random.Shared.Next(chars.Length)];
        });
}
