namespace PSPipedream.Emulator;

/// <summary>
/// A workflow, as far as the API shows one: the events it emits, its errors, and how many events its
/// subscriptions have brought it. Workflows are made through the control API or declared with a user.
/// </summary>
internal sealed class Workflow(string id, string ownerId, long createdAt)
{
    public string Id => id;
    public string OwnerId => ownerId;
    public long CreatedAt => createdAt;
    public EventLog Emits { get; } = new();
    public EventLog Errors { get; } = new();
    /// <summary>Events delivered to this workflow by subscriptions.</summary>
    public int Received { get; set; }
    /// <summary>Its errors are answered in the top-level shape rather than the reference's (<see cref="ErrorShape"/>).</summary>
    public bool ErrorsAtTopLevel { get; set; }
}
