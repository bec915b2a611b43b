namespace PSPipedream.Emulator;

/// <summary>A user and the key it calls with. A class, not a record, so that no ToString ever shows the key.</summary>
internal sealed class User(string id, string username, string email, string apiKey, string plan)
{
    public string Id => id;
    public string Username => username;
    public string Email => email;
    public string ApiKey => apiKey;
    /// <summary><c>free</c> (quota fields in /users/me) or <c>paid</c> (billing fields).</summary>
    public string Plan => plan;
    public List<string> OrgIds { get; } = new();
    /// <summary>The workflows the user was declared with, which a reset makes again.</summary>
    public List<string> WorkflowIds { get; } = new();
}

internal sealed record Org(string Id, string Name, string Orgname, string Email);
