namespace PSPipedream.Emulator;

/// <summary>How to start the emulator. Command-line options override what is set here.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The key of the default user (<c>--api-key</c>). Random when null and no users are given.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A users file to load (<c>--users</c>), as described in the README.</summary>
    public string? UsersFile { get; set; }

    /// <summary>Users to create instead of the default user (added to those of <see cref="UsersFile"/>).</summary>
    public IList<EmulatorUser> Users { get; set; } = new List<EmulatorUser>();

    /// <summary>Where to listen; default <c>http://127.0.0.1:0</c> when neither this nor <c>--urls</c> is given.</summary>
    public string? Urls { get; set; }

    /// <summary>Print the startup lines on stdout once listening (the program does; in-process hosts do not).</summary>
    public bool PrintStartupLines { get; set; }

    /// <summary>
    /// Other names the <c>Host</c> header may carry (<c>--allow-host</c>): <c>name</c> (with the emulator's
    /// port) or <c>name:port</c>. Loopback names and addresses with the emulator's port are always allowed.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = new List<string>();

    /// <summary>
    /// <c>GET /_emulator/users</c> lists every user's API key (<c>--expose-keys true</c>). Without it a key
    /// is listed only to a request that carries it.
    /// </summary>
    public bool ExposeKeys { get; set; }

    /// <summary>
    /// Keep the whole state in this file (<c>--data-file</c>): loaded at start (its users replace the default
    /// user and the users file), created when missing, and written after every change. Null: in memory only.
    /// </summary>
    public string? DataFile { get; set; }
}

/// <summary>One user: an entry of the users file, or the body of <c>POST /_emulator/users</c>.</summary>
public sealed class EmulatorUser
{
    public string? Id { get; set; }
    public string? Username { get; set; }
    public string? Email { get; set; }
    public string? ApiKey { get; set; }
    /// <summary><c>free</c> (quota fields in /users/me) or <c>paid</c> (billing fields).</summary>
    public string? Plan { get; set; }
    public IList<EmulatorOrg> Orgs { get; set; } = new List<EmulatorOrg>();
    /// <summary>
    /// Ids of workflows the user owns from the start (<c>p_</c> then letters, digits, <c>_</c> or <c>-</c>).
    /// Unlike workflows made through the control API, these survive a reset.
    /// </summary>
    public IList<string> Workflows { get; set; } = new List<string>();
}

public sealed class EmulatorOrg
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Orgname { get; set; }
    public string? Email { get; set; }
}
