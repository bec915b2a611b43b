namespace PSPipedream.Emulator;

/// <summary>
/// Subscriptions, indexed by emitter so that an emit finds its subscribers at once. A glob emitter is
/// indexed with its owner, since <c>p_*</c> means the owner's workflows only.
/// </summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Subscription>> _subsByEmitter = new(StringComparer.Ordinal);

    /// <summary>Does the user see this emitter or listener id (a glob counts for emitters)?</summary>
    public bool EndpointExists(User user, string id) => id switch
    {
        "p_*" or "dc_*" => true,
        _ when id.StartsWith("dc_", StringComparison.Ordinal) => SourceFor(user, id) is not null,
        _ when id.StartsWith("p_", StringComparison.Ordinal) => WorkflowFor(user, id) is not null,
        _ when id.StartsWith("wh_", StringComparison.Ordinal) => WebhookFor(user, id) is not null,
        _ => false,
    };

    private static string EmitterIndexKey(string emitterId, string ownerId) =>
        emitterId is "p_*" or "dc_*" ? emitterId + "|" + ownerId : emitterId;

    /// <summary>Creates a subscription, or returns the same one when it already exists.</summary>
    public Subscription Subscribe(string ownerId, string emitterId, string listenerId, string eventName)
    {
        var list = EmitterList(EmitterIndexKey(emitterId, ownerId));
        foreach (var s in list)
            if (s.OwnerId == ownerId && s.ListenerId == listenerId && s.EventName == eventName) return s;
        string id = NewId("sub_");
        var sub = new Subscription(NextSeq(id), id, ownerId, emitterId, listenerId, eventName);
        Index(sub, list);
        return sub;
    }

    /// <summary>A subscription as a data file holds it, put back in every index.</summary>
    private void RestoreSubscription(Subscription sub) => Index(sub, EmitterList(EmitterIndexKey(sub.EmitterId, sub.OwnerId)));

    private List<Subscription> EmitterList(string indexKey)
    {
        if (!_subsByEmitter.TryGetValue(indexKey, out var list)) _subsByEmitter[indexKey] = list = new List<Subscription>();
        return list;
    }

    private void Index(Subscription sub, List<Subscription> emitterList)
    {
        _subscriptions[sub.Id] = sub;
        Owner(sub.OwnerId).Subscriptions.Add(sub);
        emitterList.Add(sub);
    }

    public Subscription? FindSubscription(User user, string emitterId, string listenerId, string eventName)
    {
        foreach (string owner in OwnersOf(user))
        {
            if (_subsByEmitter.TryGetValue(EmitterIndexKey(emitterId, owner), out var list))
            {
                foreach (var s in list)
                    if (CanSee(user, s.OwnerId) && s.ListenerId == listenerId && s.EventName == eventName) return s;
            }
        }
        return null;
    }

    public void RemoveSubscription(Subscription sub)
    {
        _subscriptions.Remove(sub.Id);
        _owners.GetValueOrDefault(sub.OwnerId)?.Subscriptions.Remove(sub);
        string indexKey = EmitterIndexKey(sub.EmitterId, sub.OwnerId);
        if (_subsByEmitter.TryGetValue(indexKey, out var list))
        {
            list.Remove(sub);
            if (list.Count == 0) _subsByEmitter.Remove(indexKey);
        }
    }

    /// <summary>Ends the subscriptions of a deleted emitter or listener.</summary>
    private void RemoveSubscriptionsOf(string id)
    {
        var doomed = _subscriptions.Values.Where(s => s.EmitterId == id || s.ListenerId == id).ToList();
        foreach (var s in doomed) RemoveSubscription(s);
    }

    private static string Stream(string name) => name.Length == 0 ? "default" : name;

    /// <summary>Subscriptions that receive an event of <paramref name="name"/> from the emitter.</summary>
    public List<Subscription> SubscribersOf(string emitterId, string ownerId, string name)
    {
        var result = new List<Subscription>();
        string glob = emitterId.StartsWith("p_", StringComparison.Ordinal) ? "p_*" : "dc_*";
        string stream = Stream(name);
        foreach (string key in new[] { emitterId, glob + "|" + ownerId })
        {
            if (!_subsByEmitter.TryGetValue(key, out var list)) continue;
            foreach (var s in list)
                if (Stream(s.EventName) == stream) result.Add(s);
        }
        return result;
    }

    private void ForgetSubscriptions()
    {
        _subscriptions.Clear();
        _subsByEmitter.Clear();
    }
}
