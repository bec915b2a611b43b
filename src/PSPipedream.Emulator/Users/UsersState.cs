namespace PSPipedream.Emulator;

/// <summary>Users and orgs: who calls, and whose resources they may see and create.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, User> _usersByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, User> _usersById = new(StringComparer.Ordinal);
    private readonly List<User> _users = new();
    private readonly Dictionary<string, Org> _orgs = new(StringComparer.Ordinal);

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
        string email = string.IsNullOrWhiteSpace(spec.Email) ? $"{username}@example.com" : spec.Email.Trim();
        var user = new User(id, username, email, key, plan);
        foreach (var o in spec.Orgs ?? [])
        {
            string orgId = AddOrgIfNew(o ?? throw new ApiException(400, "orgs must list org objects"));
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

    /// <summary>The id of the org <paramref name="o"/> names; an org seen before keeps what it was first given.</summary>
    private string AddOrgIfNew(EmulatorOrg o)
    {
        string orgId = string.IsNullOrWhiteSpace(o.Id) ? NewId("o_") : o.Id.Trim();
        if (!orgId.StartsWith("o_", StringComparison.Ordinal)) throw new ApiException(400, "an org id must start with o_");
        if (_orgs.ContainsKey(orgId)) return orgId;
        string orgname = string.IsNullOrWhiteSpace(o.Orgname) ? Slug.Of(o.Name ?? orgId) : o.Orgname.Trim();
        _orgs[orgId] = new Org(
            Id: orgId,
            Name: string.IsNullOrWhiteSpace(o.Name) ? orgname : o.Name.Trim(),
            Orgname: orgname,
            Email: string.IsNullOrWhiteSpace(o.Email) ? $"{orgname}@example.com" : o.Email.Trim());
        _usedIds.Add(orgId);
        return orgId;
    }

    public static bool CanSee(User user, string ownerId) =>
        ownerId == user.Id || user.OrgIds.Contains(ownerId);

    /// <summary>The user, then its orgs: every owner whose resources the user sees.</summary>
    private static IEnumerable<string> OwnersOf(User user)
    {
        yield return user.Id;
        foreach (var o in user.OrgIds) yield return o;
    }

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

    /// <summary>After a reset: the ids of users and orgs, which stay, are not to be made up again.</summary>
    private void ReserveUserAndOrgIds()
    {
        foreach (var u in _users) _usedIds.Add(u.Id);
        foreach (var o in _orgs.Keys) _usedIds.Add(o);
    }
}
