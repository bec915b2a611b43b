# Process plumbing shared by build.ps1, the Pester suites (through tests/Pester/TestHelpers.psm1)
# and the benchmarks: starting a fresh pwsh like this one, running one in a temporary home, and
# starting and stopping the emulator. Everything it starts listens on, or talks to, 127.0.0.1 only.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# The pwsh that runs this code, as a command line that starts a fresh one (dotnet pwsh.dll, or pwsh).
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

# A start info for a fresh `pwsh -NoProfile -NonInteractive <Arguments>` (with -AsGiven, `pwsh
# <Arguments>`, for a start that is timed as a user's would be); it does not redirect anything unless
# asked, so by default the child writes straight to this console.
function New-PwshStartInfo {
    param([string[]] $ArgumentList, [switch] $RedirectOutput, [switch] $AsGiven)
    $pwsh = @(Get-PwshCommand)
    $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    $options = if ($AsGiven) { @() } else { @('-NoProfile', '-NonInteractive') }
    foreach ($a in @($pwsh | Select-Object -Skip 1) + $options + @($ArgumentList)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = [bool] $RedirectOutput
    $psi.RedirectStandardError = [bool] $RedirectOutput
    $psi
}

# Runs a tool with its output on the host, so that it never becomes a function's return value;
# throws when the tool fails.
function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

# Runs `pwsh -NoProfile -NonInteractive <Arguments>` with its output on the host; throws when it fails.
function Invoke-Pwsh {
    param([string[]] $ArgumentList)
    $pwsh = @(Get-PwshCommand)
    Invoke-Native $pwsh[0] (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + @($ArgumentList))
}

# Runs a script file in a fresh pwsh whose home is $TempHome (HOME and the XDG folders, and on Windows
# the profile folders), from inside it, so that the repositories PSResourceGet and PowerShellGet
# register and the modules they install stay out of the user's own settings. The folders are made
# first: .NET reports a missing one as '', and PSResourceGet and NuGet then write their settings
# relative to the working directory. PSModulePath is left out, so the module path follows that home
# as in a user's new session. With -Offline, any request beyond loopback goes to a proxy that refuses
# it. Returns what the child wrote to its standard output; throws with everything it wrote when it
# fails or runs longer than -TimeoutSeconds.
function Invoke-IsolatedPwsh {
    param(
        [Parameter(Mandatory)] [string] $TempHome,
        [Parameter(Mandatory)] [string] $ScriptFile,
        [string[]] $ArgumentList,
        [switch] $Offline,
        [int] $TimeoutSeconds = 300
    )
    $psi = New-PwshStartInfo -ArgumentList (@('-File', $ScriptFile) + @($ArgumentList)) -RedirectOutput
    $environment = [ordered]@{
        HOME                        = $TempHome
        XDG_CONFIG_HOME             = Join-Path $TempHome '.config'
        XDG_DATA_HOME               = Join-Path $TempHome '.local/share'
        XDG_CACHE_HOME              = Join-Path $TempHome '.cache'
        POWERSHELL_TELEMETRY_OPTOUT = '1'
        POWERSHELL_UPDATECHECK      = 'Off'
    }
    if ($IsWindows) {
        $environment.USERPROFILE = $TempHome
        $environment.APPDATA = Join-Path $TempHome 'AppData/Roaming'
        $environment.LOCALAPPDATA = Join-Path $TempHome 'AppData/Local'
    }
    foreach ($name in $environment.Keys) {
        if ($environment[$name].StartsWith($TempHome)) { $null = New-Item -ItemType Directory -Force $environment[$name] }
        $psi.Environment[$name] = $environment[$name]
    }
    $psi.WorkingDirectory = $TempHome
    if ($Offline) {
        # Both spellings: .NET reads either, and on Linux the environment is case-sensitive.
        foreach ($name in 'http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY') { $psi.Environment[$name] = 'http://127.0.0.1:9' }
        foreach ($name in 'no_proxy', 'NO_PROXY') { $psi.Environment[$name] = '127.0.0.1,localhost,::1' }
    }
    $null = $psi.Environment.Remove('PSModulePath')
    $process = [System.Diagnostics.Process]::Start($psi)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            throw "The child pwsh running $ScriptFile did not finish within $TimeoutSeconds s."
        }
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) {
            throw "The child pwsh running $ScriptFile failed (exit code $($process.ExitCode)):`n$($stdout.Result)`n$($stderr.Result)"
        }
        $stdout.Result
    }
    finally {
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.Dispose()
    }
}

# A random API key for an emulator user: 32 lower-case letters and digits.
function New-EmulatorKey {
    -join ((1..32) | ForEach-Object { '0123456789abcdefghijklmnopqrstuvwxyz'[(Get-Random -Maximum 36)] })
}

# Starts an emulator on a free loopback port: $Command is its command line (`dotnet <dll>`, or the
# pd-emulator tool), $ArgumentList any options of its own. The key of its default user goes in the
# environment rather than on the command line, where anyone on the machine could read it. Waits for
# the address it reports and returns the process, the API base URI, the root (where /_emulator
# lives) and the key; throws with what it wrote to its error output when it reports none in time.
function Start-EmulatorProcess {
    param(
        [Parameter(Mandatory)] [string[]] $Command,
        [string[]] $ArgumentList,
        [string] $ApiKey = (New-EmulatorKey),
        [int] $TimeoutSeconds = 60
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new($Command[0])
    foreach ($a in @($Command | Select-Object -Skip 1) + @('--urls', 'http://127.0.0.1:0') + @($ArgumentList)) { $psi.ArgumentList.Add($a) }
    $psi.Environment['PD_EMULATOR_API_KEY'] = $ApiKey
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $baseUri = $null
    while (-not $baseUri) {
        $read = $process.StandardOutput.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { break }
        }
        if (-not $read.IsCompleted -or $null -eq $read.Result) {
            $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
            if (-not $process.HasExited) { $process.Kill($true) }
            throw "The emulator did not report its address. $err"
        }
        if ($read.Result -match '^Base URI: (\S+)') { $baseUri = $Matches[1] }
    }
    # Keep draining its output so it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    [pscustomobject]@{
        Process = $process
        BaseUri = $baseUri
        Root    = $baseUri -replace '/v1/?$', ''
        ApiKey  = $ApiKey
    }
}

function Stop-EmulatorProcess($Emulator) {
    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }
    $Emulator.Process.Dispose()
}

Export-ModuleMember -Function Get-PwshCommand, New-PwshStartInfo, Invoke-Native, Invoke-Pwsh, Invoke-IsolatedPwsh,
    New-EmulatorKey, Start-EmulatorProcess, Stop-EmulatorProcess
