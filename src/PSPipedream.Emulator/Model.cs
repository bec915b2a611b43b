using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>An item of an owner's list: ordered by <see cref="Seq"/>, named by <see cref="Id"/>.</summary>
internal interface IListed
{
    long Seq { get; }
    string Id { get; }
}

internal sealed class User
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required string Email { get; init; }
    public required string ApiKey { get; init; }
    public string Plan { get; init; } = "free";
    public List<string> OrgIds { get; } = new();
    /// <summary>The workflows the user was declared with, which a reset makes again.</summary>
    public List<string> WorkflowIds { get; } = new();
}

internal sealed class Org
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Orgname { get; init; }
    public required string Email { get; init; }
}

internal sealed class Component
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Code { get; init; }
    public required string CodeHash { get; init; }
    public required JsonElement ConfigurableProps { get; init; }
    public string? ComponentUrl { get; init; }
    /// <summary>Null for registry components.</summary>
    public string? OwnerId { get; init; }
    public long Seq { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
}

internal sealed class Source : IListed
{
    public required long Seq { get; init; }
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string UserId { get; init; }
    public required string ComponentId { get; set; }
    public required JsonElement ConfiguredProps { get; set; }
    public bool Active { get; set; } = true;
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public required string Name { get; set; }
    public required string NameSlug { get; set; }
    public EventLog Events { get; } = new();
    public string? OrgId => OwnerId.StartsWith("o_", StringComparison.Ordinal) ? OwnerId : null;
}

internal sealed class Webhook : IListed
{
    public required long Seq { get; init; }
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string UserId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required string Url { get; init; }
    public bool Active { get; init; } = true;
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
}

internal sealed class Subscription : IListed
{
    public required long Seq { get; init; }
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string EmitterId { get; init; }
    public required string ListenerId { get; init; }
    public required string EventName { get; init; }
}

internal sealed class AutoSubscription
{
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string EventName { get; init; }
    public required string ListenerId { get; init; }
}

internal sealed class Workflow
{
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public long CreatedAt { get; init; }
    public EventLog Emits { get; } = new();
    public EventLog Errors { get; } = new();
    /// <summary>Events delivered to this workflow by subscriptions.</summary>
    public int Received { get; set; }
}

/// <summary>Everything one owner (a user or an org) holds, kept in creation order.</summary>
internal sealed class OwnerIndex
{
    public SortedItems<Source> Sources { get; } = new();
    public SortedItems<Webhook> Webhooks { get; } = new();
    public SortedItems<Subscription> Subscriptions { get; } = new();
    public List<AutoSubscription> AutoSubscriptions { get; } = new();
}
