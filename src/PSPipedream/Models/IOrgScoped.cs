namespace PSPipedream
{
    /// <summary>A resource that can be listed through an org (/orgs/{org}/...), which then fills in OrgId.</summary>
    internal interface IOrgScoped
    {
        /// <summary>The org the resource was listed through, else null.</summary>
        string? OrgId { get; set; }
    }
}
