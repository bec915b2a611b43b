namespace PSPipedream
{
    /// <summary>One user of the emulator (its key shown only as a hint).</summary>
    public sealed class PdEmulatorUser
    {
        public string? Id { get; internal set; }
        public string? Username { get; internal set; }
        public string? Email { get; internal set; }
        public string? ApiKeyHint { get; internal set; }

        public override string ToString() => Username + " (" + Id + ")";
    }
}
