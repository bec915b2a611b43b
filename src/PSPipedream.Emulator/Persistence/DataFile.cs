using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// Reading and writing the data file. A file that is not one of ours, or that is damaged, is refused (and left
/// as it is); writing goes to a temporary file in the same folder that then replaces the old one, so a crash
/// mid-write leaves the previous file whole.
/// </summary>
internal static class DataFile
{
    /// <summary>The state the file holds; null when there is no file yet.</summary>
    public static StateFile? Load(string path)
    {
        if (!File.Exists(path))
        {
            if (Directory.Exists(path)) throw Refused(path, "is a folder, not a file");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, "cannot be read: " + e.Message);
        }
        CheckMarker(path, bytes);
        try
        {
            return JsonSerializer.Deserialize<StateFile>(bytes, JsonOut.SerializerOptions)
                ?? throw Refused(path, "holds no state");
        }
        catch (JsonException e)
        {
            throw Refused(path, "is damaged: " + e.Message);
        }
    }

    /// <summary>Refuses anything but JSON whose format and version this emulator wrote.</summary>
    private static void CheckMarker(string path, byte[] bytes)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, JsonOut.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Refused(path, "is not JSON (" + e.Message + "), so not a pd-emulator data file");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != StateFile.FormatName)
                throw Refused(path, $"is not a pd-emulator data file (it has no \"format\": \"{StateFile.FormatName}\")");
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out int v) || v != StateFile.CurrentVersion)
                throw Refused(path, $"is a pd-emulator data file of another version ({(root.TryGetProperty("version", out var x) ? x.GetRawText() : "none")}); this emulator reads version {StateFile.CurrentVersion}");
        }
    }

    /// <summary>Why a data file is not taken, and that it was not touched.</summary>
    public static EmulatorStartupException Refused(string path, string why, Exception? inner = null) =>
        new($"The data file {path} {why}. It was left as it is; give another --data-file, or move this one away.", inner);

    /// <summary>
    /// The file holds every user's API key, so on Unix it is made readable by its owner only (mode 0600);
    /// the rename keeps the mode. On Windows the file takes the folder's permissions.
    /// </summary>
    private static FileStreamOptions NewFileOptions
    {
        get
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return options;
        }
    }

    /// <summary>Writes the file whole: a temporary file in the same folder, flushed to disk, then moved over the old one.</summary>
    public static void Save(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Ids.Random(8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, NewFileOptions))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public static byte[] Serialize(StateFile file) => JsonSerializer.SerializeToUtf8Bytes(file, JsonOut.SerializerOptions);
}
