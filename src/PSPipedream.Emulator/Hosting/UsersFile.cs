using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSPipedream.Emulator;

/// <summary>The users file of <c>--users</c>: <c>{"users": [...]}</c>, each entry an <see cref="EmulatorUser"/>.</summary>
internal sealed class UsersFile
{
    [JsonPropertyName("users")]
    public List<EmulatorUser> Users { get; set; } = new();

    public static List<EmulatorUser> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Cannot read the users file {path}: {e.Message}", e);
        }
        try
        {
            var file = JsonSerializer.Deserialize<UsersFile>(text, JsonOut.SerializerOptions);
            if (file is null || file.Users.Count == 0)
                throw new InvalidOperationException($"The users file {path} lists no users.");
            return file.Users;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The users file {path} is not valid JSON: {e.Message}", e);
        }
    }
}
