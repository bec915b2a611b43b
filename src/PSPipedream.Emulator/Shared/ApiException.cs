namespace PSPipedream.Emulator;

/// <summary>An error answered as <c>{"error": message}</c> with a status code.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
