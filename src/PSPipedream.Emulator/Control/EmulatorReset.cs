namespace PSPipedream.Emulator;

/// <summary>
/// The one reset, for <c>POST /_emulator/reset</c> and <see cref="EmulatorHost.Reset"/> alike: the state, the
/// faults, the request log and any steady emitting. The state counts as changed, so a data file gets the reset too.
/// </summary>
internal sealed class EmulatorReset(EmulatorState state, FaultStore faults, RequestLog log, SteadyEmits steady, StateChanges changes)
{
    public void Run()
    {
        steady.StopAll();
        state.Locked(state.Reset);
        faults.Clear();
        log.Clear();
        changes.Mark();
    }
}
