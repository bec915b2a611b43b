@{
    Synopsis    = 'Starts the PSPipedream emulator on a loopback port and waits until it answers.'
    Description = @'
Start-PdEmulator runs the PSPipedream emulator, a local stand-in for the Pipedream REST
API, so scripts and their tests can run offline. It runs -Path when given (a pd-emulator
executable, or PSPipedream.Emulator.dll, which is started with dotnet); otherwise it looks
for pd-emulator on PATH, then in the .NET global tools folder (~/.dotnet/tools). When it is
not found, the error PdEmulatorNotFound says how to install it:
dotnet tool install --global PSPipedream.Emulator

The emulator always listens on 127.0.0.1, on -Port (0, the default, picks a free port).
A port already in use fails at once with PdEmulatorPortInUse; an emulator that exits while
starting (a bad -UsersFile, say) fails with PdEmulatorStartFailed and its error output.
The cmdlet returns once GET /v1/users/me answers (at most 30 seconds); a key the emulator
refuses fails at once. It asks the emulator directly, never through a proxy, and follows no
redirect. Whatever makes it fail before it returns, Ctrl+C included, it ends the process it
started first, so no emulator is left running that nobody was handed.

The key (-ApiKey, or a random one made when neither -ApiKey nor -UsersFile is given) is
handed to the emulator in the environment variable PD_EMULATOR_API_KEY, never on its
command line, which other users of the machine can read. Each argument (the users file's
path, say) reaches the emulator as one argument, whatever quotes or spaces it holds.

It writes a PSPipedream.PdEmulator object: BaseUri (for Connect-PdAccount -BaseUri),
RootUri (the control API), ApiKey (the first user's key, a SecureString), ApiKeyHint,
ProcessId and Users. -Connect also connects to it as its first user and makes
that the current connection, as Connect-PdAccount does, for as long as it runs: it remembers
the connection it replaced (or that there was none), and Stop-PdEmulator, or the end of the
runspace that started it, makes that one current again, or leaves none, so nothing is left
pointing at a port where nothing listens. Two emulators started with -Connect hand back in
turn, whatever order they are stopped in.

-DataFile keeps the emulator's whole state (users and keys, components, sources and their
events, subscriptions, webhooks, workflows) in a JSON file across restarts, as
pd-emulator --data-file does. A missing file is created; an existing one is loaded, and its
users then replace the default user and -UsersFile (the first user's key is read from the
emulator, so leave out -ApiKey). Every change is written within a moment of being answered,
through a temporary file in the same folder that then replaces the file, so a killed
emulator keeps what was written before and never leaves half a file. A file that is not one
of the emulator's (not JSON, or without its format marker and version) makes the start fail
with PdEmulatorStartFailed and is left as it is. Faults and the request log are not kept.

The other emulator cmdlets (Reset-PdEmulator, Get-PdEmulatorRequest, Add-PdEmulatorFault,
...) talk to the emulator started last in the session unless given -Emulator. The emulator
is stopped by Stop-PdEmulator, and in any case when the runspace or the PowerShell process
that started it ends, even when that process is killed: the emulator watches its standard
input, a pipe from this process, and stops when the pipe closes.
'@
    Examples    = @(
        @{
            Code    = @'
$emulator = Start-PdEmulator -Connect
Get-PdUser
'@
            Remarks = 'Starts the emulator on a free port and connects to it; Get-PdUser then answers from the emulator (user u_emulator).'
        }
        @{
            Code    = "Start-PdEmulator -Port 45001 -ApiKey 'my-emulator-key-0123456789abcdef'"
            Remarks = 'Starts the emulator on port 45001 with a key of your choice, for another process to use (Connect-PdAccount -BaseUri http://127.0.0.1:45001/v1).'
        }
        @{
            Code    = 'Start-PdEmulator -Path ./src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll -UsersFile ./users.json'
            Remarks = 'Runs an emulator built from a clone of the repository with dotnet, loading its users from users.json.'
        }
        @{
            Code    = @'
Start-PdEmulator -DataFile ./emulator-state.json -Connect
Add-PdEmulatorSource -Count 3
Stop-PdEmulator
Start-PdEmulator -DataFile ./emulator-state.json -Connect
Get-PdSource
'@
            Remarks = 'The three sources are still there after the restart, with the same ids.'
        }
    )
    Links       = @('about_PSPipedream', 'Stop-PdEmulator', 'Reset-PdEmulator', 'Connect-PdAccount')
}
