using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>A component: a registry one (no owner, no URL of a user's), or one a user or org made from code or a URL.</summary>
internal sealed record Component(
    string Id, string Key, string Name, string Version, string Code, string CodeHash, JsonElement ConfigurableProps,
    string? ComponentUrl, string? OwnerId, long Seq, long CreatedAt, long UpdatedAt);
