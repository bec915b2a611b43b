namespace PSPipedream.Emulator;

/// <summary>Opening the data file at start: the state it holds, or a new file with the start's users.</summary>
internal static class StateStore
{
    /// <summary>
    /// Fills <paramref name="state"/> from the file, or, when there is none, from <paramref name="loadUsers"/>
    /// and then creates the file. A file this emulator cannot take, or that another emulator holds, is
    /// refused and left untouched. The writer holds the file's lock from then on.
    /// </summary>
    public static DataFileWriter Open(string path, EmulatorState state, StateChanges changes, Action loadUsers, bool usersGiven)
    {
        var held = DataFileLock.Take(path);
        try
        {
            return Open(path, state, changes, loadUsers, usersGiven, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static DataFileWriter Open(string path, EmulatorState state, StateChanges changes, Action loadUsers, bool usersGiven, DataFileLock held)
    {
        var saved = DataFile.Load(path);
        if (saved is null)
        {
            loadUsers();
        }
        else
        {
            if (saved.Users is not { Count: > 0 })
                throw DataFile.Refused(path, "is damaged: it lists no users");
            try
            {
                state.Locked(() => state.Restore(saved));
            }
            catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidDataException or FormatException)
            {
                throw DataFile.Refused(path, "is damaged: " + e.Message, e);
            }
            if (usersGiven)
                Console.Error.WriteLine($"pd-emulator: the users come from the data file {path}; --api-key and --users are not used.");
        }
        var writer = new DataFileWriter(path, state, changes, held);
        try
        {
            writer.WriteNow();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStartupException($"Cannot write the data file {path}: {e.Message}", e);
        }
        return writer;
    }
}
