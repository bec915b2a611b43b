namespace PSPipedream.Emulator;

/// <summary>The command-line options that the configuration does not read as the emulator needs them.</summary>
internal static class CommandLine
{
    /// <summary>
    /// Every value of a command-line option that may be given more than once (<c>--name value</c>,
    /// <c>--name=value</c> or <c>/name value</c>), which the configuration keeps only the last of.
    /// </summary>
    public static IEnumerable<string> Values(string[] args, string name)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a.Equals("--" + name, StringComparison.OrdinalIgnoreCase) || a.Equals("/" + name, StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 < args.Length) yield return args[++i];
                else yield return "";
            }
            else if (a.StartsWith("--" + name + "=", StringComparison.OrdinalIgnoreCase))
            {
                yield return a[(name.Length + 3)..];
            }
        }
    }

    /// <summary>The <c>--allow-host</c> names, each value holding one or more, comma-separated.</summary>
    public static List<AllowedHost> AllowedHosts(IEnumerable<string> values)
    {
        var hosts = new List<AllowedHost>();
        foreach (string value in values)
        {
            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries))
            {
                hosts.Add(AllowedHost.Parse(part) ?? throw new EmulatorStartupException(
                    $"--allow-host takes a host name, optionally with a port (name or name:port), not '{part}'."));
            }
        }
        return hosts;
    }
}
