using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>An event source: a component configured and deployed by a user, for itself or an org.</summary>
internal sealed class Source(long seq, string id, string ownerId, string userId, long createdAt) : IListed
{
    public long Seq => seq;
    public string Id => id;
    public string OwnerId => ownerId;
    public string UserId => userId;
    public long CreatedAt => createdAt;

    // What PUT /sources/{id} changes.
    public required string ComponentId { get; set; }
    public required JsonElement ConfiguredProps { get; set; }
    public bool Active { get; set; } = true;
    public long UpdatedAt { get; set; }
    public required string Name { get; set; }
    public required string NameSlug { get; set; }
    public EventLog Events { get; } = new();
    public string? OrgId => OwnerId.StartsWith("o_", StringComparison.Ordinal) ? OwnerId : null;
}
