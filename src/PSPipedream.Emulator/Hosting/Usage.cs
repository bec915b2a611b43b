namespace PSPipedream.Emulator;

/// <summary>What <c>pd-emulator --help</c> prints.</summary>
internal static class Usage
{
    public const string ApiKeyVariable = "PD_EMULATOR_API_KEY";

    public const string Text = """
        pd-emulator: a local stand-in for the Pipedream REST API v1.

        Usage: pd-emulator [--urls <url>] [--api-key <key> | --users <file.json>] [options]

          --urls <url>             where to listen (default http://127.0.0.1:0: a free loopback port)
          --api-key <key>          the default user's key; random when neither this nor
                                   PD_EMULATOR_API_KEY is given
          --users <file.json>      users, keys and orgs to load instead of the default user
          --allow-host <name>      another name the Host header may carry (name, or name:port),
                                   e.g. a container name; repeat it or separate names with commas.
                                   Loopback names with the emulator's port are always allowed.
          --expose-keys true       GET /_emulator/users lists every user's key (by default only
                                   the key the request itself carries)
          --data-file <file.json>  keep the whole state in this file: loaded at start (its users
                                   replace --api-key and --users), created when missing, written
                                   within a moment of every change (a temporary file, then a
                                   rename); a file that is not one of the emulator's is refused
          --exit-with-stdin true   stop when standard input closes
          --help                   print this text

        Environment:
          PD_EMULATOR_API_KEY      the default user's key when --api-key is not given, so the key
                                   need not be on the command line (where other users of the
                                   machine can see it)

        The emulator prints its address, base URI and users' keys on stdout once it listens.
        It exits with code 2 and one line on stderr when it cannot start (a bad users file,
        a data file it cannot take, a busy port).

        """;
}
