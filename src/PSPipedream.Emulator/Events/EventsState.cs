namespace PSPipedream.Emulator;

/// <summary>Event ids: the time in milliseconds, then a sequence number within that millisecond.</summary>
internal sealed partial class EmulatorState
{
    private long _lastEventMs;
    private long _eventSeq;

    /// <summary>The next event id; never goes back, even when the clock does.</summary>
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

    /// <summary>Adds one event to a log and returns it.</summary>
    public EventRecord AddEvent(EventLog log, byte[] json, string name, string emitterId)
    {
        var e = new EventRecord(NextEventKey(), json, EmitId: Ids.Random(27), name, emitterId);
        log.Add(e);
        return e;
    }
}
