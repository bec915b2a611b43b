namespace PSPipedream.Connection
{
    /// <summary>One section of the pd CLI's config file.</summary>
    internal sealed class PdProfile
    {
        public PdProfile(string name, string? apiKey, string? orgId)
        {
            Name = name;
            ApiKey = apiKey;
            OrgId = orgId;
        }

        public string Name { get; }
        public string? ApiKey { get; }
        public string? OrgId { get; }
    }
}
