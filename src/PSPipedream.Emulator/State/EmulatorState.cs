namespace PSPipedream.Emulator;

/// <summary>
/// All API data, and the one lock that every read and change of it is made under (<see cref="Locked{T}"/>).
/// Each resource family keeps its part of the state and its rules in a partial file of its own folder;
/// this part holds what they share: the lock, made-up ids, list positions for cursors, and the reset.
/// </summary>
internal sealed partial class EmulatorState
{
    private readonly object _gate = new();
    /// <summary>The position of every item ever listed, deleted ones too, so their cursors keep working.</summary>
    private readonly Dictionary<string, long> _seqById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private long _seq;

    public EmulatorState() => AddRegistryComponents();

    public T Locked<T>(Func<T> work)
    {
        lock (_gate) return work();
    }

    public void Locked(Action work)
    {
        lock (_gate) work();
    }

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
        string id = Cursors.Decode(cursor) ?? throw new ApiException(400, $"{param} is not a valid cursor");
        return _seqById.TryGetValue(id, out long seq) ? seq : null;
    }

    /// <summary>Forgets what requests made. Users, orgs, registry components and declared workflows stay.</summary>
    public void Reset()
    {
        ForgetResources();
        _seqById.Clear();
        _usedIds.Clear();
        ReserveUserAndOrgIds();
        _seq = 0;
        RestoreDeclaredWorkflows();
    }

    /// <summary>Every resource but users, orgs and the registry's components.</summary>
    private void ForgetResources()
    {
        ForgetOwnedComponents();
        ForgetSources();
        ForgetWebhooks();
        ForgetSubscriptions();
        ForgetWorkflows();
        _owners.Clear();
    }
}
