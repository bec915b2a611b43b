using PSPipedream.Emulator;

if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
{
    Console.Out.Write(Usage.Text);
    return 0;
}

Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    // The default user's key may come from the environment, where `ps` does not show it;
    // --api-key still wins when both are given.
    app = EmulatorApp.Build(args, new EmulatorOptions
    {
        PrintStartupLines = true,
        ApiKey = Environment.GetEnvironmentVariable(Usage.ApiKeyVariable),
    });
}
catch (EmulatorStartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    await app.StartAsync();
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine(StartFailure.Describe(e));
    return 2;
}

// --exit-with-stdin true: stop when standard input closes, which happens however the process
// that started the emulator ends (even killed), since the pipe's other end dies with it.
if (string.Equals(app.Configuration["exit-with-stdin"], "true", StringComparison.OrdinalIgnoreCase))
{
    var lifetime = app.Lifetime;
    new Thread(() =>
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
        lifetime.StopApplication();
    }) { IsBackground = true, Name = "stdin watch" }.Start();
}
await app.WaitForShutdownAsync();
return 0;
