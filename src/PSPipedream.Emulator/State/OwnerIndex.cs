namespace PSPipedream.Emulator;

/// <summary>Everything one owner (a user or an org) holds, kept in creation order.</summary>
internal sealed class OwnerIndex
{
    public SortedItems<Source> Sources { get; } = new();
    public SortedItems<Webhook> Webhooks { get; } = new();
    public SortedItems<Subscription> Subscriptions { get; } = new();
    public List<AutoSubscription> AutoSubscriptions { get; } = new();
}
