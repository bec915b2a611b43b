using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// All API data. Every member is read and changed under <see cref="Gate"/>; lists are kept per owner
/// in creation order so a page is a binary search plus a copy of <c>limit</c> items.
/// </summary>
internal sealed class EmulatorState
{
    public object Gate { get; } = new();

    private readonly Dictionary<string, User> _usersByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, User> _usersById = new(StringComparer.Ordinal);
    private readonly List<User> _users = new();
    private readonly Dictionary<string, Org> _orgs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Component> _registryByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Webhook> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Subscription>> _subsByEmitter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnerIndex> _owners = new(StringComparer.Ordinal);
    /// <summary>The position of every item ever listed, deleted ones too, so their cursors keep working.</summary>
    private readonly Dictionary<string, long> _seqById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);

    private long _seq;
    private long _lastEventMs;
    private long _eventSeq;

    public EmulatorState()
    {
        foreach (var c in Emulator.Registry.Build())
        {
            _registryByKey[c.Key] = c;
            _components[c.Id] = c;
        }
    }

    // ---------------------------------------------------------------- users and orgs

    public IReadOnlyList<User> Users => _users;

    public User? UserByKey(string key) => _usersByKey.GetValueOrDefault(key);

    public User? UserById(string id) => _usersById.GetValueOrDefault(id);

    public Org? OrgById(string id) => _orgs.GetValueOrDefault(id);

    public User AddUser(EmulatorUser spec)
    {
        string key = string.IsNullOrWhiteSpace(spec.ApiKey) ? Ids.NewApiKey() : spec.ApiKey.Trim();
        if (_usersByKey.ContainsKey(key)) throw new ApiException(400, "a user with this api_key already exists");
        string id = string.IsNullOrWhiteSpace(spec.Id) ? NewId("u_") : spec.Id.Trim();
        if (!id.StartsWith("u_", StringComparison.Ordinal)) throw new ApiException(400, "a user id must start with u_");
        if (_usersById.ContainsKey(id)) throw new ApiException(400, $"user {id} already exists");
        string username = string.IsNullOrWhiteSpace(spec.Username) ? id[2..].ToLowerInvariant() : spec.Username.Trim();
        string plan = (spec.Plan ?? "free").Trim().ToLowerInvariant();
        if (plan is not ("free" or "paid")) throw new ApiException(400, "plan must be free or paid");
        // Checked before anything is added, so a refused user leaves nothing behind.
        var workflowIds = spec.Workflows ?? [];
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wf in workflowIds)
        {
            CheckNewWorkflowId(wf);
            if (!listed.Add(wf)) throw new ApiException(400, $"workflow {wf} is listed twice");
        }
        var user = new User
        {
            Id = id,
            Username = username,
            Email = string.IsNullOrWhiteSpace(spec.Email) ? $"{username}@example.com" : spec.Email.Trim(),
            ApiKey = key,
            Plan = plan,
        };
        foreach (var o in spec.Orgs ?? [])
        {
            if (o is null) throw new ApiException(400, "orgs must list org objects");
            string orgId = string.IsNullOrWhiteSpace(o.Id) ? NewId("o_") : o.Id.Trim();
            if (!orgId.StartsWith("o_", StringComparison.Ordinal)) throw new ApiException(400, "an org id must start with o_");
            if (!_orgs.ContainsKey(orgId))
            {
                string orgname = string.IsNullOrWhiteSpace(o.Orgname) ? Ids.Slug(o.Name ?? orgId) : o.Orgname.Trim();
                _orgs[orgId] = new Org
                {
                    Id = orgId,
                    Name = string.IsNullOrWhiteSpace(o.Name) ? orgname : o.Name.Trim(),
                    Orgname = orgname,
                    Email = string.IsNullOrWhiteSpace(o.Email) ? $"{orgname}@example.com" : o.Email.Trim(),
                };
                _usedIds.Add(orgId);
            }
            if (!user.OrgIds.Contains(orgId)) user.OrgIds.Add(orgId);
        }
        _usedIds.Add(id);
        _users.Add(user);
        _usersByKey[key] = user;
        _usersById[id] = user;
        foreach (var wf in workflowIds)
        {
            user.WorkflowIds.Add(wf);
            AddWorkflow(wf, user.Id);
        }
        return user;
    }

    public static bool CanSee(User user, string ownerId) =>
        ownerId == user.Id || user.OrgIds.Contains(ownerId);

    /// <summary>The owner of a new resource: the user, or the org named by org_id (404 unknown, 403 not a member).</summary>
    public string ResolveOwner(User user, string? orgId)
    {
        if (string.IsNullOrEmpty(orgId)) return user.Id;
        CheckOrgReadable(user, orgId);
        return orgId;
    }

    /// <summary>An org the user may read and create in: it exists (else 404) and the user is a member (else 403).</summary>
    public void CheckOrgReadable(User user, string orgId)
    {
        if (!_orgs.ContainsKey(orgId)) throw new ApiException(404, $"org {orgId} not found");
        if (!user.OrgIds.Contains(orgId)) throw new ApiException(403, $"you are not a member of org {orgId}");
    }

    public OwnerIndex Owner(string ownerId)
    {
        if (!_owners.TryGetValue(ownerId, out var index))
        {
            index = new OwnerIndex();
            _owners[ownerId] = index;
        }
        return index;
    }

    public OwnerIndex? OwnerIfAny(string ownerId) => _owners.GetValueOrDefault(ownerId);

    // ---------------------------------------------------------------- ids, cursors, events ids

    public string NewId(string prefix)
    {
        while (true)
        {
            string id = prefix + Ids.Random(6);
            if (_usedIds.Add(id)) return id;
        }
    }

    private long NextSeq(string id)
    {
        long seq = ++_seq;
        _seqById[id] = seq;
        return seq;
    }

    /// <summary>
    /// The list position a cursor names; null for a well-formed cursor of an item never listed here
    /// (the page after or before it is empty). A cursor that is not one at all is a 400.
    /// </summary>
    public long? CursorSeq(string cursor, string param)
    {
        string id = Ids.DecodeCursor(cursor) ?? throw new ApiException(400, $"{param} is not a valid cursor");
        return _seqById.TryGetValue(id, out long seq) ? seq : null;
    }

    public EventKey NextEventKey()
    {
        long ms = Clock.NowMs();
        if (ms <= _lastEventMs)
        {
            ms = _lastEventMs;
            _eventSeq++;
        }
        else
        {
            _lastEventMs = ms;
            _eventSeq = 0;
        }
        return new EventKey(ms, _eventSeq);
    }

    // ---------------------------------------------------------------- components

    public Component? Registry(string key) => _registryByKey.GetValueOrDefault(key);

    public Component? ComponentById(string id) => _components.GetValueOrDefault(id);

    /// <summary>A component the user may use: its own or its orgs' (by id or key), else a registry one.</summary>
    public Component? FindComponent(User user, string keyOrId)
    {
        if (_components.TryGetValue(keyOrId, out var byId) && (byId.OwnerId is null || CanSee(user, byId.OwnerId)))
            return byId;
        Component? best = null;
        foreach (var c in _components.Values)
        {
            if (c.OwnerId is not null && c.Key == keyOrId && CanSee(user, c.OwnerId) && (best is null || c.Seq > best.Seq))
                best = c;
        }
        return best ?? _registryByKey.GetValueOrDefault(keyOrId);
    }

    public Component CreateComponent(string ownerId, string? code, string? url)
    {
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(url))
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
                throw new ApiException(400, "component_url must be an http(s) URL");
        }
        ParsedComponent parsed;
        if (!string.IsNullOrWhiteSpace(code))
        {
            parsed = ComponentCode.Parse(code);
        }
        else if (uri is not null)
        {
            var entry = Emulator.Registry.ForUrl(uri);
            if (entry is not null)
            {
                var reg = _registryByKey[entry.Key];
                code = reg.Code;
                parsed = new ParsedComponent(reg.Key, reg.Name, reg.Version, reg.ConfigurableProps);
            }
            else
            {
                string file = Path.GetFileNameWithoutExtension(uri.AbsolutePath.TrimEnd('/'));
                string derived = Ids.Slug(string.IsNullOrEmpty(file) ? uri.Host : file);
                code = $$"""
                    // Component from {{uri}}
                    module.exports = {
                      key: "{{derived}}",
                      name: "{{derived}}",
                      version: "0.0.1",
                      props: {},
                      async run(event) {
                        this.$emit(event);
                      },
                    };
                    """;
                parsed = ComponentCode.Parse(code);
            }
        }
        else
        {
            throw new ApiException(400, "one of component_code or component_url is required");
        }

        string hash = ComponentCode.Hash(code);
        string key = parsed.Key ?? Ids.SlugOr(parsed.Name ?? "", "component-" + hash[..8]);
        long now = Clock.NowSeconds();
        string id = NewId("sc_");
        var component = new Component
        {
            Id = id,
            Key = key,
            Name = parsed.Name ?? key,
            Version = parsed.Version ?? "0.0.1",
            Code = code,
            CodeHash = hash,
            ConfigurableProps = parsed.ConfigurableProps,
            ComponentUrl = uri?.ToString(),
            OwnerId = ownerId,
            Seq = ++_seq,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _components[id] = component;
        return component;
    }

    // ---------------------------------------------------------------- sources

    public Source? SourceFor(User user, string id) =>
        _sources.TryGetValue(id, out var s) && CanSee(user, s.OwnerId) ? s : null;

    public Source? SourceById(string id) => _sources.GetValueOrDefault(id);

    public Source CreateSource(User user, string ownerId, Component component, JsonElement props, string? name, bool active)
    {
        long now = Clock.NowSeconds();
        string id = NewId("dc_");
        string finalName = string.IsNullOrWhiteSpace(name) ? Ids.SlugOr(component.Name, component.Key) : name.Trim();
        var source = new Source
        {
            Seq = NextSeq(id),
            Id = id,
            OwnerId = ownerId,
            UserId = user.Id,
            ComponentId = component.Id,
            ConfiguredProps = props,
            Active = active,
            CreatedAt = now,
            UpdatedAt = now,
            Name = finalName,
            NameSlug = Ids.SlugOr(finalName, id),
        };
        _sources[id] = source;
        Owner(ownerId).Sources.Add(source);
        ApplyAutoSubscriptions(ownerId, id);
        return source;
    }

    public void DeleteSource(Source source)
    {
        _sources.Remove(source.Id);
        _owners.GetValueOrDefault(source.OwnerId)?.Sources.Remove(source);
        RemoveSubscriptionsOf(source.Id);
    }

    // ---------------------------------------------------------------- webhooks

    public Webhook CreateWebhook(User user, string ownerId, string url, string? name, string? description)
    {
        long now = Clock.NowSeconds();
        string id = NewId("wh_");
        var hook = new Webhook
        {
            Seq = NextSeq(id),
            Id = id,
            OwnerId = ownerId,
            UserId = user.Id,
            Url = url,
            Name = name,
            Description = description,
            CreatedAt = now,
            UpdatedAt = now,
        };
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

    // ---------------------------------------------------------------- workflows

    /// <summary>A new workflow, with the id given (400 when not plausible, 409 when taken) or a made-up one.</summary>
    public Workflow CreateWorkflow(string ownerId, string? chosenId = null)
    {
        if (chosenId is not null) CheckNewWorkflowId(chosenId);
        return AddWorkflow(chosenId ?? NewId("p_"), ownerId);
    }

    private void CheckNewWorkflowId(string? id)
    {
        Ids.CheckChosenWorkflowId(id);
        if (_workflows.ContainsKey(id!)) throw new ApiException(409, $"workflow {id} already exists");
    }

    private Workflow AddWorkflow(string id, string ownerId)
    {
        _usedIds.Add(id);
        var wf = new Workflow { Id = id, OwnerId = ownerId, CreatedAt = Clock.NowSeconds() };
        _workflows[id] = wf;
        ApplyAutoSubscriptions(ownerId, id);
        return wf;
    }

    public Workflow? WorkflowFor(User user, string id) =>
        _workflows.TryGetValue(id, out var w) && CanSee(user, w.OwnerId) ? w : null;

    public Workflow? WorkflowById(string id) => _workflows.GetValueOrDefault(id);

    // ---------------------------------------------------------------- subscriptions

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
        string indexKey = EmitterIndexKey(emitterId, ownerId);
        if (!_subsByEmitter.TryGetValue(indexKey, out var list)) _subsByEmitter[indexKey] = list = new List<Subscription>();
        foreach (var s in list)
            if (s.OwnerId == ownerId && s.ListenerId == listenerId && s.EventName == eventName) return s;
        string id = NewId("sub_");
        var sub = new Subscription
        {
            Seq = NextSeq(id),
            Id = id,
            OwnerId = ownerId,
            EmitterId = emitterId,
            ListenerId = listenerId,
            EventName = eventName,
        };
        _subscriptions[id] = sub;
        Owner(ownerId).Subscriptions.Add(sub);
        list.Add(sub);
        return sub;
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

    private static IEnumerable<string> OwnersOf(User user)
    {
        yield return user.Id;
        foreach (var o in user.OrgIds) yield return o;
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

    private void RemoveSubscriptionsOf(string id)
    {
        var doomed = _subscriptions.Values.Where(s => s.EmitterId == id || s.ListenerId == id).ToList();
        foreach (var s in doomed) RemoveSubscription(s);
    }

    public AutoSubscription AutoSubscribe(string ownerId, string eventName, string listenerId)
    {
        var autos = Owner(ownerId).AutoSubscriptions;
        foreach (var a in autos)
            if (a.EventName == eventName && a.ListenerId == listenerId) return a;
        var auto = new AutoSubscription { Id = NewId("sub_"), OwnerId = ownerId, EventName = eventName, ListenerId = listenerId };
        autos.Add(auto);
        return auto;
    }

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

    // ---------------------------------------------------------------- emit / seed / reset

    /// <summary>Adds one event to a log and returns it.</summary>
    public EventRecord AddEvent(EventLog log, byte[] json, string name, string emitterId)
    {
        var key = NextEventKey();
        var e = new EventRecord
        {
            Key = key,
            Id = key.ToString(),
            Json = json,
            EmitId = Ids.Random(27),
            Name = name,
            EmitterId = emitterId,
        };
        log.Add(e);
        return e;
    }

    public void Reset()
    {
        foreach (var id in _components.Keys.ToList())
            if (_components[id].OwnerId is not null) _components.Remove(id);
        _sources.Clear();
        _webhooks.Clear();
        _subscriptions.Clear();
        _subsByEmitter.Clear();
        _workflows.Clear();
        _owners.Clear();
        _seqById.Clear();
        _usedIds.Clear();
        foreach (var u in _users) _usedIds.Add(u.Id);
        foreach (var o in _orgs.Keys) _usedIds.Add(o);
        _seq = 0;
        // Declared workflows belong to their users, as orgs do: they stay, with no events.
        foreach (var u in _users)
            foreach (var wf in u.WorkflowIds) AddWorkflow(wf, u.Id);
    }
}
