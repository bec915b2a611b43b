namespace PSPipedream.Emulator;

/// <summary>
/// Keeps a second emulator off a data file this one uses: <c>&lt;file&gt;.lock</c> stays open, unshared, for
/// as long as the emulator runs. The lock is the open handle, not the file's being there, so the system
/// lets it go when the process dies however it dies; a lock file left by a killed emulator stops nobody.
/// </summary>
internal sealed class DataFileLock : IDisposable
{
    private FileStream? _handle;

    private DataFileLock(FileStream handle) => _handle = handle;

    /// <summary>Takes the lock, or refuses the start when another emulator holds it (the data file is not touched).</summary>
    public static DataFileLock Take(string path)
    {
        string lockPath = Path.GetFullPath(path) + ".lock";
        try
        {
            // Delete-on-close removes the file while it is still held, so no other emulator can take this
            // very file in between (on Windows the system removes it even when the process is killed).
            return new DataFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException e) when (HeldByAnother(e))
        {
            throw new EmulatorStartupException(
                $"The data file {path} is in use by another pd-emulator (it holds {lockPath}). It was left as it is; stop that emulator first, or give another --data-file.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStartupException($"Cannot write the data file {path}: cannot make its lock file {lockPath}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Only a lock held elsewhere means "in use"; a missing folder, a read-only disk and the like say what they are.
    /// Windows says so with a sharing or lock violation, Unix with the errno of a refused flock (EWOULDBLOCK).
    /// </summary>
    private static bool HeldByAnother(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33
        : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    /// <summary>Lets the lock go and removes its file; later calls do nothing.</summary>
    public void Dispose() => Interlocked.Exchange(ref _handle, null)?.Dispose();
}
