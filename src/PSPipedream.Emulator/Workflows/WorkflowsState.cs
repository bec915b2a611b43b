namespace PSPipedream.Emulator;

/// <summary>Workflows: made with a chosen or made-up id; those declared with a user outlive a reset.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);

    /// <summary>A new workflow, with the id given (400 when not plausible, 409 when taken) or a made-up one.</summary>
    public Workflow CreateWorkflow(string ownerId, string? chosenId = null)
    {
        if (chosenId is not null) CheckNewWorkflowId(chosenId);
        return AddWorkflow(chosenId ?? NewId("p_"), ownerId);
    }

    private void CheckNewWorkflowId(string? id)
    {
        WorkflowIds.CheckChosen(id);
        if (_workflows.ContainsKey(id!)) throw new ApiException(409, $"workflow {id} already exists");
    }

    private Workflow AddWorkflow(string id, string ownerId)
    {
        _usedIds.Add(id);
        var wf = new Workflow(id, ownerId, Clock.NowSeconds());
        _workflows[id] = wf;
        ApplyAutoSubscriptions(ownerId, id);
        return wf;
    }

    public Workflow? WorkflowFor(User user, string id) =>
        _workflows.TryGetValue(id, out var w) && CanSee(user, w.OwnerId) ? w : null;

    /// <summary>A workflow the user sees, else a 404.</summary>
    public Workflow RequireWorkflow(User user, string id) =>
        WorkflowFor(user, id) ?? throw new ApiException(404, $"workflow {id} not found");

    public Workflow? WorkflowById(string id) => _workflows.GetValueOrDefault(id);

    private void ForgetWorkflows() => _workflows.Clear();

    /// <summary>Declared workflows belong to their users, as orgs do: after a reset they are there again, with no events.</summary>
    private void RestoreDeclaredWorkflows()
    {
        foreach (var u in _users)
            foreach (var wf in u.WorkflowIds) AddWorkflow(wf, u.Id);
    }
}
