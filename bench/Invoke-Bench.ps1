#Requires -Version 7.2

<#
.SYNOPSIS
    Runs the PSPipedream benchmarks against a running emulator and writes bench/results.md.

.DESCRIPTION
    This is what `build.ps1 -Task Bench` runs once it has built the module in Release and started
    the Release emulator on 127.0.0.1. It runs the scenarios, each one file in bench/scenarios
    that gives the emulator its data through the control API (a user of its own for each data
    set, so that each list holds exactly the sources seeded for it), measures in child processes
    started from the same pwsh as this one, with -NoProfile, and writes its rows, judged by its
    targets in bench/targets.psd1:

      1. list 10,000 sources: Get-PdSource -All against an Invoke-RestMethod loop and a bare
         HttpClient + Newtonsoft loop, all three in one child, interleaved
      2. import: pwsh -NoProfile -Command "Import-Module ..." minus pwsh -NoProfile -Command 1,
         each timed as a whole process
      3. memory: the peak RSS of a child listing 100,000 sources against one listing 1,000
      4. early stop: the source-list requests of Get-PdSource -All | Select-Object -First 1
      5. fan-out: Get-PdEvent over 200 sources whose event lists answer 20 ms late, sequential,
         with -ThrottleLimit 8, and with ForEach-Object -Parallel -ThrottleLimit 8
      6. mass change: Remove-PdSource -Force over 500 sources, sequential and with -ThrottleLimit 8
      7. 429 storm: the requests Get-PdEvent sends to an API that answers only 429, sequential
         and with -ThrottleLimit 32
      8. account as code: Export-PdConfiguration of 200 sources, 10 webhooks and 300
         subscriptions, Compare-PdConfiguration of that file (0 changes) and Import-PdConfiguration
         of it into an empty user, with the default -ThrottleLimit

    Every timed scenario runs two warm-up rounds that are not counted and then -Runs counted rounds,
    the competitors taking turns within each round (A B C A B C ...); the table gives medians.
    Every competitor writes every item into Measure-Object and each run's count is checked, as
    are the requests it sent, from the emulator's request log. Where Get-PdEvent or
    Remove-PdSource has no -ThrottleLimit, those measurements are reported as n/a.

    The table is printed and written to -OutFile with the machine's core count, OS, pwsh and
    .NET versions and the date. A scenario that fails is reported in the table and makes this
    script throw at the end, after the others have run.

.PARAMETER ModulePath
    The manifest of the module to measure (out/PSPipedream/PSPipedream.psd1).

.PARAMETER BaseUri
    The emulator's API base URI (http://127.0.0.1:<port>/v1).

.PARAMETER ControlUri
    The emulator's root, where its control API (/_emulator) lives.

.PARAMETER Runs
    Counted runs of each scenario, after the warm-up. Default 5.

.PARAMETER ImportRuns
    Counted runs of the import scenario (each is two process starts). Default 10.

.PARAMETER OutFile
    Where to write the results. Default bench/results.md.

.PARAMETER Scenario
    The scenarios to run (names of bench/scenarios/*.ps1); default all, in their run order.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [uri] $BaseUri,
    [Parameter(Mandatory)] [uri] $ControlUri,
    [ValidateRange(1, 100)] [int] $Runs = 5,
    [ValidateRange(1, 100)] [int] $ImportRuns = 10,
    [string] $OutFile = (Join-Path $PSScriptRoot 'results.md'),
    # The emulator's process, for the CPU time of scenario 6's extra run (0: not measured).
    [int] $EmulatorProcessId = 0,
    # Memory runs last, so that its 100,000 sources are in the emulator only for that scenario.
    [ValidateSet('List', 'Import', 'EarlyStop', 'FanOut', 'MassRemove', 'Storm', 'Configuration', 'Memory')]
    [string[]] $Scenario = @('List', 'Import', 'EarlyStop', 'FanOut', 'MassRemove', 'Storm', 'Configuration', 'Memory')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot 'BenchRun.psm1') -Force

$run = Start-BenchRun -ModulePath $ModulePath -BaseUri $BaseUri -ControlUri $ControlUri -Runs $Runs -ImportRuns $ImportRuns `
    -EmulatorProcessId $EmulatorProcessId
try {
    foreach ($name in $Scenario) {
        Invoke-BenchScenario $name { & (Join-Path $PSScriptRoot "scenarios/$name.ps1") -Report }
    }
}
finally {
    Stop-BenchRun
}
Write-BenchReport -OutFile $OutFile

if ($run.Failures.Count -gt 0) {
    throw "$($run.Failures.Count) scenario(s) failed: $($run.Failures -join ' / ')"
}
