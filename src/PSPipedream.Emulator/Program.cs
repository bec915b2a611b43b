using PSPipedream.Emulator;

try
{
    var app = EmulatorApp.Build(args, new EmulatorOptions { PrintStartupLines = true });
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
    await app.RunAsync();
    return 0;
}
catch (EmulatorStartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
