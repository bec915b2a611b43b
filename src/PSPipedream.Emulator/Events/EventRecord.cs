namespace PSPipedream.Emulator;

/// <summary>One emitted event as a log keeps it: its JSON as sent, and the metadata the API adds.</summary>
internal sealed record EventRecord(EventKey Key, byte[] Json, string EmitId, string Name, string EmitterId)
{
    public string Id { get; } = Key.ToString();
}
