namespace PSPipedream.Emulator;

/// <summary>A webhook listener. Nothing changes one once made, so it is always active and never updated.</summary>
internal sealed record Webhook(long Seq, string Id, string OwnerId, string UserId, string Url, string? Name, string? Description,
    long CreatedAt) : IListed
{
    public bool Active => true;
    public long UpdatedAt => CreatedAt;
    public string? OrgId => OwnerId.StartsWith("o_", StringComparison.Ordinal) ? OwnerId : null;
}
