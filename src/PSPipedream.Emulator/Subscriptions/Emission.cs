using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// What one emit did: the events it added to the emitter's log, and what became of each subscriber's copy.
/// Webhook POSTs are only noted under the state's lock, and made by <see cref="DeliverAsync"/> after it.
/// </summary>
internal sealed class Emission(int count)
{
    private sealed record Outcome(string ListenerId, string EventId, string Status, int? HttpStatus);

    private sealed record PendingPost(string ListenerId, EventRecord Event, string Url);

    private readonly List<string> _eventIds = new(count);
    private readonly List<Outcome> _outcomes = new();
    private readonly List<PendingPost> _posts = new();

    public void Emitted(EventRecord e) => _eventIds.Add(e.Id);

    public void Delivered(string listenerId, EventRecord e) => _outcomes.Add(new(listenerId, e.Id, "delivered", null));

    /// <summary>The listener is gone.</summary>
    public void Failed(string listenerId, EventRecord e) => _outcomes.Add(new(listenerId, e.Id, "failed", null));

    /// <summary>A webhook that is not on this machine: the emulator never posts there.</summary>
    public void Skipped(string listenerId, EventRecord e) => _outcomes.Add(new(listenerId, e.Id, "skipped", null));

    public void PostLater(string listenerId, EventRecord e, string url) => _posts.Add(new(listenerId, e, url));

    public async Task DeliverAsync(CancellationToken ct)
    {
        foreach (var p in _posts)
        {
            int? status = await Delivery.PostAsync(p.Url, p.Event.Json, p.Event.EmitterId, p.Event.Id, ct);
            _outcomes.Add(new(p.ListenerId, p.Event.Id, status is >= 200 and < 300 ? "delivered" : "failed", status));
        }
    }

    /// <summary>The ids of the events emitted, and one delivery line per subscriber and event.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("ids");
        foreach (var id in _eventIds) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("deliveries");
        foreach (var o in _outcomes)
        {
            w.WriteStartObject();
            w.WriteString("listener_id", o.ListenerId);
            w.WriteString("event_id", o.EventId);
            w.WriteString("status", o.Status);
            if (o.HttpStatus is int s) w.WriteNumber("http_status", s); else w.WriteNull("http_status");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
