namespace PSPipedream.Emulator;

/// <summary>Webhooks: made and deleted by their owners; deleting one ends its subscriptions.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, Webhook> _webhooks = new(StringComparer.Ordinal);

    public Webhook CreateWebhook(User user, string ownerId, string url, string? name, string? description)
    {
        string id = NewId("wh_");
        var hook = new Webhook(NextSeq(id), id, ownerId, user.Id, url, name, description, CreatedAt: Clock.NowSeconds());
        _webhooks[id] = hook;
        Owner(ownerId).Webhooks.Add(hook);
        return hook;
    }

    public Webhook? WebhookFor(User user, string id) =>
        _webhooks.TryGetValue(id, out var w) && CanSee(user, w.OwnerId) ? w : null;

    public Webhook? WebhookById(string id) => _webhooks.GetValueOrDefault(id);

    public void DeleteWebhook(Webhook hook)
    {
        _webhooks.Remove(hook.Id);
        _owners.GetValueOrDefault(hook.OwnerId)?.Webhooks.Remove(hook);
        RemoveSubscriptionsOf(hook.Id);
    }

    private void ForgetWebhooks() => _webhooks.Clear();
}
