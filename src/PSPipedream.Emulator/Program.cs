using PSPipedream.Emulator;

try
{
    var app = EmulatorApp.Build(args, new EmulatorOptions { PrintStartupLines = true });
    await app.RunAsync();
    return 0;
}
catch (EmulatorStartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
