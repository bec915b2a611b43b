namespace PSPipedream.Emulator;

/// <summary>Emitting: an event goes into its emitter's log, then to every subscriber of its stream.</summary>
internal sealed partial class EmulatorState
{
    /// <summary>
    /// Emits <paramref name="count"/> copies of an event from a source or workflow (its <c>$errors</c> stream
    /// when so named), and hands each to the subscribers of that stream. With <paramref name="atMs"/> the
    /// events (and the subscribers' copies) carry that time rather than now.
    /// </summary>
    public Emission Emit(string emitterId, string name, byte[] json, int count, long? atMs = null)
    {
        var (log, owner) = EmitterLog(emitterId, name);
        var subscribers = SubscribersOf(emitterId, owner, name);
        var emission = new Emission(count);
        for (int i = 0; i < count; i++)
        {
            var e = AddEvent(log, json, name, emitterId, atMs);
            emission.Emitted(e);
            foreach (var sub in subscribers)
                if (sub.ListenerId != emitterId) HandTo(sub.ListenerId, e, emission, atMs);
        }
        return emission;
    }

    /// <summary>A 404 (or 400) now, for an emitter that a later emit would not find.</summary>
    public void CheckEmitter(string emitterId, string name) => EmitterLog(emitterId, name);

    private (EventLog Log, string OwnerId) EmitterLog(string emitterId, string name)
    {
        if (emitterId.StartsWith("dc_", StringComparison.Ordinal))
        {
            var source = SourceById(emitterId) ?? throw new ApiException(404, $"source {emitterId} not found");
            return (source.Events, source.OwnerId);
        }
        if (emitterId.StartsWith("p_", StringComparison.Ordinal))
        {
            var wf = WorkflowById(emitterId) ?? throw new ApiException(404, $"workflow {emitterId} not found");
            return (name == "$errors" ? wf.Errors : wf.Emits, wf.OwnerId);
        }
        throw new ApiException(400, "emitter_id must be a source (dc_...) or workflow (p_...) id");
    }

    /// <summary>
    /// A source gets the event in its own log and a workflow counts it; a webhook on this machine is posted
    /// it once the lock is released, any other webhook is skipped.
    /// </summary>
    private void HandTo(string listener, EventRecord e, Emission emission, long? atMs)
    {
        if (listener.StartsWith("dc_", StringComparison.Ordinal))
        {
            if (SourceById(listener) is not { } to) { emission.Failed(listener, e); return; }
            AddEvent(to.Events, e.Json, e.Name, e.EmitterId, atMs);
            emission.Delivered(listener, e);
        }
        else if (listener.StartsWith("p_", StringComparison.Ordinal))
        {
            if (WorkflowById(listener) is not { } to) { emission.Failed(listener, e); return; }
            to.Received++;
            emission.Delivered(listener, e);
        }
        else if (listener.StartsWith("wh_", StringComparison.Ordinal))
        {
            var hook = WebhookById(listener);
            if (hook is null) emission.Failed(listener, e);
            else if (!Delivery.IsLoopback(hook.Url)) emission.Skipped(listener, e);
            else emission.PostLater(listener, e, hook.Url);
        }
    }
}
