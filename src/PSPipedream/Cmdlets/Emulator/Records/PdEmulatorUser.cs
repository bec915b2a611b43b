namespace PSPipedream
{
    /// <summary>One user of the emulator (its key shown only as a hint).</summary>
    public sealed class PdEmulatorUser
    {
        public string? Id { get; set; }
        public string? Username { get; set; }
        public string? Email { get; set; }
        public string? ApiKeyHint { get; set; }

        public override string ToString() => Username + " (" + Id + ")";
    }
}
