using System.Globalization;

namespace PSPipedream.Emulator;

internal sealed partial class EmulatorState
{
    /// <summary>
    /// Makes <paramref name="count"/> HTTP sources for an owner at once, for tests and benchmarks that need
    /// long lists; they are made by the owner, or by a member of the owning org, at <paramref name="createdAt"/>
    /// (Unix seconds) when given. Returns the first and last ids.
    /// </summary>
    public (string First, string Last) SeedSources(string ownerId, int count, string namePrefix, long? createdAt = null)
    {
        var user = UserById(ownerId) ?? _users.FirstOrDefault(u => u.OrgIds.Contains(ownerId)) ?? _users[0];
        var component = Registry("http-new-requests")!;
        var none = JsonOut.Parse("{}");
        string? first = null, last = null;
        for (int i = 1; i <= count; i++)
        {
            var s = CreateSource(user, ownerId, component, none, namePrefix + i.ToString(CultureInfo.InvariantCulture), true, createdAt);
            first ??= s.Id;
            last = s.Id;
        }
        return (first!, last!);
    }
}
