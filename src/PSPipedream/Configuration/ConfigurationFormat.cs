namespace PSPipedream
{
    /// <summary>What Export-PdConfiguration writes.</summary>
    public enum ConfigurationFormat
    {
        /// <summary>The document that Compare-, Test- and Import-PdConfiguration read.</summary>
        Json,

        /// <summary>A Mermaid flowchart of who listens to what; for reading, never read back.</summary>
        Mermaid,
    }
}
