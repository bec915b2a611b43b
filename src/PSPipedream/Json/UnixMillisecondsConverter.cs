namespace PSPipedream.Json
{
    /// <summary>Unix milliseconds (indexed_at_ms) to DateTime (UTC) and back.</summary>
    internal sealed class UnixMillisecondsConverter : UnixTimeConverter
    {
        public UnixMillisecondsConverter() : base(1)
        {
        }
    }
}
