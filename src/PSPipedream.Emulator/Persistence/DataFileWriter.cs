using Microsoft.Extensions.Hosting;

namespace PSPipedream.Emulator;

/// <summary>
/// Keeps the data file up to date: every <see cref="FlushInterval"/> it writes the state when something
/// changed, and once more when the emulator stops. So a change that was answered is on disk within about
/// one interval (plus the write), even if the emulator is killed afterwards. It holds the file's lock until
/// that last write is made (or, when the emulator never started, until it is disposed).
/// </summary>
internal sealed class DataFileWriter(string path, EmulatorState state, StateChanges changes, DataFileLock held) : IHostedService, IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task? _loop;
    private long _written = -1;
    private bool _failing;

    public string Path => path;

    /// <summary>Writes the state now, whatever changed (the first write at start creates a missing file).</summary>
    public void WriteNow()
    {
        _writing.Wait();
        try
        {
            long version = changes.Version;
            var snapshot = state.Locked(state.Snapshot);
            DataFile.Save(path, DataFile.Serialize(snapshot));
            _written = version;
        }
        finally
        {
            _writing.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        try
        {
            if (_loop is not null) await _loop;
            if (changes.Version != _written) TryWrite();
        }
        finally
        {
            held.Dispose();
        }
    }

    public void Dispose() => held.Dispose();

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(FlushInterval, _stop.Token);
                if (changes.Version != _written) TryWrite();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A failed write is said once on stderr (and once more when writing works again); it is tried again each interval.</summary>
    private void TryWrite()
    {
        try
        {
            WriteNow();
            if (_failing) Console.Error.WriteLine($"pd-emulator: the data file {path} is written again.");
            _failing = false;
        }
        // Whatever went wrong, the loop goes on: one unexpected failure must not end the writing for good.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!_failing) Console.Error.WriteLine($"pd-emulator: cannot write the data file {path}: {e.Message}");
            _failing = true;
        }
    }
}
