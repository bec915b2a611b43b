namespace PSPipedream.Emulator;

/// <summary>The whole state to and from a <see cref="StateFile"/>. Both run under the state's lock.</summary>
internal sealed partial class EmulatorState
{
    /// <summary>A copy of everything: the file can then be written without holding the lock.</summary>
    public StateFile Snapshot() => new()
    {
        Format = StateFile.FormatName,
        Version = StateFile.CurrentVersion,
        SavedAt = DateTimeOffset.UtcNow,
        Seq = _seq,
        LastEventMs = _lastEventMs,
        EventSeq = _eventSeq,
        UsedIds = _usedIds.ToList(),
        SeqById = new Dictionary<string, long>(_seqById),
        Users = _users.Select(u => new SavedUser(u.Id, u.Username, u.Email, u.ApiKey, u.Plan, u.OrgIds.ToList(), u.WorkflowIds.ToList())).ToList(),
        Orgs = _orgs.Values.ToList(),
        Components = _components.Values.Where(c => c.OwnerId is not null).OrderBy(c => c.Seq).ToList(),
        Sources = _sources.Values.OrderBy(s => s.Seq).Select(s => new SavedSource(s.Seq, s.Id, s.OwnerId, s.UserId, s.CreatedAt,
            s.UpdatedAt, s.ComponentId, s.ConfiguredProps, s.Active, s.Name, s.NameSlug, Saved(s.Events))).ToList(),
        Webhooks = _webhooks.Values.OrderBy(h => h.Seq).ToList(),
        Subscriptions = _subscriptions.Values.OrderBy(s => s.Seq).ToList(),
        AutoSubscriptions = _owners.Values.SelectMany(o => o.AutoSubscriptions).ToList(),
        Workflows = _workflows.Values.Select(w => new SavedWorkflow(w.Id, w.OwnerId, w.CreatedAt, w.Received, w.ErrorsAtTopLevel,
            Saved(w.Emits), Saved(w.Errors))).ToList(),
    };

    private static List<SavedEvent> Saved(EventLog log)
    {
        var events = new List<SavedEvent>(log.Count);
        for (int i = 0; i < log.Count; i++) events.Add(SavedEvent.Of(log[i]));
        return events;
    }

    /// <summary>Replaces everything (users too) with what a file holds; the registry components stay.</summary>
    public void Restore(StateFile file)
    {
        ForgetResources();
        _users.Clear();
        _usersByKey.Clear();
        _usersById.Clear();
        _orgs.Clear();

        foreach (var o in file.Orgs) _orgs[o.Id] = o;
        foreach (var s in file.Users)
        {
            var user = new User(s.Id, s.Username, s.Email, s.ApiKey, s.Plan);
            user.OrgIds.AddRange(s.OrgIds);
            user.WorkflowIds.AddRange(s.WorkflowIds);
            _users.Add(user);
            _usersByKey[user.ApiKey] = user;
            _usersById[user.Id] = user;
        }
        foreach (var c in file.Components) _components[c.Id] = c;
        foreach (var s in file.Sources) RestoreSource(s);
        foreach (var h in file.Webhooks)
        {
            _webhooks[h.Id] = h;
            Owner(h.OwnerId).Webhooks.Add(h);
        }
        foreach (var sub in file.Subscriptions) RestoreSubscription(sub);
        foreach (var a in file.AutoSubscriptions) Owner(a.OwnerId).AutoSubscriptions.Add(a);
        foreach (var w in file.Workflows)
        {
            var wf = new Workflow(w.Id, w.OwnerId, w.CreatedAt) { Received = w.Received, ErrorsAtTopLevel = w.ErrorsAtTopLevel };
            foreach (var e in w.Emits) wf.Emits.Add(e.ToRecord());
            foreach (var e in w.Errors) wf.Errors.Add(e.ToRecord());
            _workflows[w.Id] = wf;
        }

        _seq = file.Seq;
        _lastEventMs = file.LastEventMs;
        _eventSeq = file.EventSeq;
        _usedIds.Clear();
        _usedIds.UnionWith(file.UsedIds);
        _seqById.Clear();
        foreach (var (id, seq) in file.SeqById) _seqById[id] = seq;
    }

    private void RestoreSource(SavedSource s)
    {
        var source = new Source(s.Seq, s.Id, s.OwnerId, s.UserId, s.CreatedAt)
        {
            ComponentId = s.ComponentId,
            ConfiguredProps = s.ConfiguredProps,
            Active = s.Active,
            UpdatedAt = s.UpdatedAt,
            Name = s.Name,
            NameSlug = s.NameSlug,
        };
        foreach (var e in s.Events) source.Events.Add(e.ToRecord());
        _sources[s.Id] = source;
        Owner(s.OwnerId).Sources.Add(source);
    }
}
