# The Demo and Bench tasks: the examples, and the benchmarks, each against a freshly started
# emulator of this build.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Process.psm1')
Import-Module (Join-Path $PSScriptRoot 'Build.psm1')

# Runs examples/demo/Invoke-Demo.ps1 in a child pwsh, connected through the environment as a CI job
# would be; it writes straight to this console. However the demo ends (Ctrl+C included), the child
# is given time to clean up after itself and the emulator is stopped; an interrupted or failed demo
# exits non-zero.
function Invoke-DemoTask {
    param($Build, [switch] $NoBuild)
    if ($NoBuild) {
        if (-not (Test-Path $Build.ModuleManifest)) { throw "No module in $($Build.ModuleOut): run the Demo without -NoBuild." }
    }
    else {
        Invoke-ModuleBuild $Build
    }
    $emulator = Start-BuiltEmulator $Build
    $child = $null
    $failure = 'the demo was interrupted.'
    try {
        Write-Step "Demo against the emulator at $($emulator.BaseUri)"
        $psi = New-PwshStartInfo -ArgumentList @('-File', (Join-Path $Build.Root 'examples/demo/Invoke-Demo.ps1'),
            '-ModulePath', $Build.ModuleManifest, '-ControlUri', $emulator.Root)
        $psi.Environment['PIPEDREAM_API_KEY'] = $emulator.ApiKey
        $psi.Environment['PIPEDREAM_BASE_URL'] = $emulator.BaseUri
        $null = $psi.Environment.Remove('PIPEDREAM_ORG_ID')
        $child = [System.Diagnostics.Process]::Start($psi)
        # Polled, so that Ctrl+C reaches the finally block below.
        while (-not $child.WaitForExit(200)) { }
        $child.WaitForExit()
        $failure = if ($child.ExitCode -ne 0) { "the demo failed (exit code $($child.ExitCode))." } else { $null }
    }
    catch [System.Management.Automation.PipelineStoppedException] { throw }
    catch { $failure = $null; throw }  # reported like any other task's error
    finally {
        # The child has Ctrl+C too; give it time to clean up after itself.
        if ($child -and -not $child.HasExited -and -not $child.WaitForExit(15000)) { $child.Kill($true) }
        Stop-EmulatorProcess $emulator
        if ($failure) {
            # Not `exit`: once Ctrl+C has been pressed, an advanced script's exit code is 0 whatever it says.
            [Console]::Error.WriteLine("build.ps1: $failure")
            [Environment]::Exit(1)
        }
    }
}

# Builds Release, starts the Release emulator on a free loopback port and runs bench/Invoke-Bench.ps1
# in this process; it starts every measured pwsh itself, from the same executable as this one.
function Invoke-BenchTask {
    param($Build, [int] $BenchRuns, [string[]] $BenchScenario)
    if ($Build.Configuration -ne 'Release') { throw 'Bench measures the Release build: leave -Configuration at Release.' }
    Invoke-ModuleBuild $Build
    $emulator = Start-BuiltEmulator $Build
    # Only the scenarios asked for, if any: the driver's default is all of them.
    $only = if ($BenchScenario) { @{ Scenario = $BenchScenario } } else { @{} }
    try {
        Write-Step "Benchmarks against the emulator at $($emulator.BaseUri)"
        & (Join-Path $Build.Root 'bench/Invoke-Bench.ps1') -ModulePath $Build.ModuleManifest `
            -BaseUri $emulator.BaseUri -ControlUri $emulator.Root -Runs $BenchRuns -ImportRuns (4 * $BenchRuns) `
            -OutFile (Join-Path $Build.Root 'bench/results.md') -EmulatorProcessId $emulator.Process.Id @only
    }
    finally {
        Stop-EmulatorProcess $emulator
    }
}

Export-ModuleMember -Function Invoke-DemoTask, Invoke-BenchTask
