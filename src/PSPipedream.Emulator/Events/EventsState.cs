namespace PSPipedream.Emulator;

/// <summary>Event ids: the time in milliseconds, then a sequence number within that millisecond.</summary>
internal sealed partial class EmulatorState
{
    private long _lastEventMs;
    private long _eventSeq;

    /// <summary>The next event id; never goes back, even when the clock does.</summary>
    public EventKey NextEventKey() => KeyAt(Clock.NowMs());

    /// <summary>
    /// The id of an event at <paramref name="ms"/>. From the newest event's millisecond on, ids come from the
    /// one running sequence, so live and given times never collide. An older (backdated) time has seen its
    /// last live event, so the next free sequence in the log it goes to keeps ids unique there.
    /// </summary>
    private EventKey KeyAt(long ms, EventLog? log = null)
    {
        if (ms < _lastEventMs && log is not null) return new EventKey(ms, log.LastSeqAt(ms) + 1);
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

    /// <summary>Adds one event to a log, at the given time (Unix ms) or now, and returns it.</summary>
    public EventRecord AddEvent(EventLog log, byte[] json, string name, string emitterId, long? atMs = null)
    {
        var key = atMs is long ms ? KeyAt(ms, log) : NextEventKey();
        var e = new EventRecord(key, json, EmitId: Ids.Random(27), name, emitterId);
        log.Add(e);
        return e;
    }
}
