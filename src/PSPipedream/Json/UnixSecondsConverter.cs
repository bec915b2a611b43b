namespace PSPipedream.Json
{
    /// <summary>Unix seconds (created_at, updated_at) to DateTime (UTC) and back.</summary>
    internal sealed class UnixSecondsConverter : UnixTimeConverter
    {
        public UnixSecondsConverter() : base(1000)
        {
        }
    }
}
