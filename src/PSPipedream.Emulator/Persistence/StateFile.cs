using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// The data file of <c>--data-file</c>: the whole state, marked with <see cref="FormatName"/> and
/// <see cref="CurrentVersion"/> so that no other JSON file is ever taken for one (or written over).
/// Registry components are not in it (every emulator has them); faults and the request log are not state.
/// </summary>
internal sealed class StateFile
{
    public const string FormatName = "pd-emulator-state";
    public const int CurrentVersion = 1;

    public string? Format { get; set; }
    public int Version { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public long Seq { get; set; }
    public long LastEventMs { get; set; }
    public long EventSeq { get; set; }
    public List<string> UsedIds { get; set; } = new();
    /// <summary>The list position of every item ever listed, deleted ones too, so that old cursors keep working.</summary>
    public Dictionary<string, long> SeqById { get; set; } = new();
    public List<SavedUser> Users { get; set; } = new();
    public List<Org> Orgs { get; set; } = new();
    public List<Component> Components { get; set; } = new();
    public List<SavedSource> Sources { get; set; } = new();
    public List<Webhook> Webhooks { get; set; } = new();
    public List<Subscription> Subscriptions { get; set; } = new();
    public List<AutoSubscription> AutoSubscriptions { get; set; } = new();
    public List<SavedWorkflow> Workflows { get; set; } = new();
}

/// <summary>A user as saved, key included: the file is the emulator's, like its startup lines.</summary>
internal sealed record SavedUser(string Id, string Username, string Email, string ApiKey, string Plan,
    List<string> OrgIds, List<string> WorkflowIds);

internal sealed record SavedSource(long Seq, string Id, string OwnerId, string UserId, long CreatedAt, long UpdatedAt,
    string ComponentId, JsonElement ConfiguredProps, bool Active, string Name, string NameSlug, List<SavedEvent> Events);

internal sealed record SavedWorkflow(string Id, string OwnerId, long CreatedAt, int Received, bool ErrorsAtTopLevel,
    List<SavedEvent> Emits, List<SavedEvent> Errors);

/// <summary>An event as saved: its id, its JSON as sent, and its metadata.</summary>
internal sealed record SavedEvent(string Id, JsonElement Event, string EmitId, string Name, string EmitterId)
{
    public static SavedEvent Of(EventRecord e)
    {
        using var doc = JsonDocument.Parse(e.Json);
        return new SavedEvent(e.Id, doc.RootElement.Clone(), e.EmitId, e.Name, e.EmitterId);
    }

    public EventRecord ToRecord()
    {
        if (!EventKey.TryParse(Id, out var key)) throw new InvalidDataException($"event id '{Id}' is not <ms>-<seq>");
        return new EventRecord(key, JsonOut.Build(w => Event.WriteTo(w)), EmitId, Name, EmitterId);
    }
}
