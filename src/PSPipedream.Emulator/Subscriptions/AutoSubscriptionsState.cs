namespace PSPipedream.Emulator;

/// <summary>Auto-subscriptions: every source or workflow an owner makes afterwards is subscribed to at once.</summary>
internal sealed partial class EmulatorState
{
    public AutoSubscription AutoSubscribe(string ownerId, string eventName, string listenerId)
    {
        var autos = Owner(ownerId).AutoSubscriptions;
        foreach (var a in autos)
            if (a.EventName == eventName && a.ListenerId == listenerId) return a;
        var auto = new AutoSubscription(NewId("sub_"), ownerId, eventName, listenerId);
        autos.Add(auto);
        return auto;
    }

    /// <summary>Subscribes the owner's auto-subscribed listeners that still exist to a new emitter.</summary>
    private void ApplyAutoSubscriptions(string ownerId, string emitterId)
    {
        if (!_owners.TryGetValue(ownerId, out var index) || index.AutoSubscriptions.Count == 0) return;
        foreach (var a in index.AutoSubscriptions)
        {
            if (a.ListenerId == emitterId || !ListenerAlive(a.ListenerId)) continue;
            Subscribe(ownerId, emitterId, a.ListenerId, a.EventName);
        }
    }

    private bool ListenerAlive(string id) =>
        _sources.ContainsKey(id) || _workflows.ContainsKey(id) || _webhooks.ContainsKey(id);
}
