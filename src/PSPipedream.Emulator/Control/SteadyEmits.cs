using System.Globalization;
using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// Emits scheduled with <c>every_seconds</c>: each runs in the background, one event per interval (the first
/// one interval after it was asked for), until its count is reached, its emitter is gone, the state is reset
/// or the emulator stops.
/// </summary>
internal sealed class SteadyEmits(EmulatorState state, StateChanges changes)
{
    public const int MaxRunning = 100;

    private readonly object _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    /// <summary>What one steady emit will do, as the control API answers it.</summary>
    public sealed record Schedule(string Id, EmitSpec Spec, DateTimeOffset FirstAt)
    {
        public void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("id", Id);
            w.WriteString("emitter_id", Spec.EmitterId);
            w.WriteString("name", Spec.Name);
            w.WriteNumber("every_seconds", Spec.EverySeconds!.Value);
            w.WriteNumber("count", Spec.Count);
            w.WriteString("first_at", Iso(FirstAt));
            w.WriteString("last_at", Iso(FirstAt.AddSeconds(Spec.EverySeconds!.Value * (Spec.Count - 1))));
            w.WriteEndObject();
        }

        private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }

    /// <summary>Checks the emitter now (404 when unknown), then starts emitting in the background.</summary>
    public Schedule Start(EmitSpec spec)
    {
        state.Locked(() => state.CheckEmitter(spec.EmitterId, spec.Name));
        var interval = TimeSpan.FromSeconds(spec.EverySeconds!.Value);
        var schedule = new Schedule("emit_" + Ids.Random(8), spec, DateTimeOffset.UtcNow + interval);
        var cts = new CancellationTokenSource();
        lock (_gate)
        {
            if (_running.Count >= MaxRunning)
                throw new ApiException(409, $"{MaxRunning} steady emits are running already; wait for one to end, or reset the emulator");
            _running[schedule.Id] = cts;
        }
        _ = Task.Run(() => RunAsync(schedule, interval, cts));
        return schedule;
    }

    /// <summary>Stops every steady emit (a reset, or the emulator stopping).</summary>
    public void StopAll()
    {
        List<CancellationTokenSource> all;
        lock (_gate)
        {
            all = _running.Values.ToList();
            _running.Clear();
        }
        foreach (var cts in all) cts.Cancel();
    }

    private async Task RunAsync(Schedule schedule, TimeSpan interval, CancellationTokenSource cts)
    {
        var spec = schedule.Spec;
        var ct = cts.Token;
        // Each event is due at a fixed time from the start, so a slow delivery does not stretch the series.
        var start = DateTimeOffset.UtcNow;
        try
        {
            for (int i = 1; i <= spec.Count; i++)
            {
                var due = start + interval * i;
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                Emission emission;
                try
                {
                    emission = state.Locked(() =>
                    {
                        ct.ThrowIfCancellationRequested();
                        return state.Emit(spec.EmitterId, spec.Name, spec.Json, 1);
                    });
                }
                catch (ApiException)
                {
                    return; // the emitter was deleted
                }
                changes.Mark();
                await emission.DeliverAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                if (_running.TryGetValue(schedule.Id, out var mine) && ReferenceEquals(mine, cts)) _running.Remove(schedule.Id);
            }
        }
    }
}
