#Requires -Version 7.2

<#
.SYNOPSIS
    Builds and tests PSPipedream.

.DESCRIPTION
    The tasks live in build/*.psm1; build/Process.psm1 is the process plumbing that the Pester
    helpers and the benchmarks share.

    Build    compiles the solution in Release and lays out out/PSPipedream from an explicit
             list of files, so that `Import-Module ./out/PSPipedream` works, then generates the
             cmdlet help (en-US/PSPipedream.dll-Help.xml) from src/PSPipedream/Help and the
             cmdlets' metadata, and checks the manifest with Test-ModuleManifest.
    Package  runs Build, then writes out/packages/PSPipedream.<version>.nupkg (Publish-PSResource
             to a folder repository registered only inside a child pwsh with a temporary home)
             and out/packages/PSPipedream.Emulator.<version>.nupkg (the emulator as a .NET tool).
    Test     runs Package, then the xunit suites, then the Pester suites in a child pwsh against
             out/PSPipedream, out/packages and a freshly started emulator. It ends with one line
             `N passed, N failed` (and `, N skipped` when any were skipped) totalling every
             suite, and exits non-zero when anything failed. With -NoPackage it runs Build
             instead of Package and skips the Pester tests that install the packages.
    Demo     runs Build (unless -NoBuild), starts the emulator and runs examples/demo/Invoke-Demo.ps1
             in a child pwsh: it seeds sample data and runs each script in examples/ against it.
             Exits non-zero when any step failed.
    Bench    runs Build (Release), starts the Release emulator on 127.0.0.1 and runs
             bench/Invoke-Bench.ps1 against it: the performance scenarios, each in child pwsh
             processes of this same pwsh, with -BenchRuns counted runs after a warm-up. It prints
             a table of medians, ratios and targets and writes it to bench/results.md. Not part
             of Test. Exits non-zero when a scenario could not be measured (a MISS is not a failure).

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -SkipXunit -PesterPath tests/Pester/Source.Tests.ps1

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -NoPackage

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench -BenchRuns 7
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Test only: skip the xunit suites.
    [switch] $SkipXunit,

    # Test only: skip the Pester suites.
    [switch] $SkipPester,

    # Test only: Pester files or folders to run instead of tests/Pester (a list, or one comma-separated string).
    [string[]] $PesterPath,

    # Test only: build without packaging, and skip the Pester tests that install the packages (a fast inner loop).
    [switch] $NoPackage,

    # Demo only: use out/PSPipedream and the emulator as last built, without building.
    [switch] $NoBuild,

    # Bench only: counted runs of each scenario, after its warm-up runs (the import scenario runs four times as many).
    [ValidateRange(1, 50)]
    [int] $BenchRuns = 5,

    # Bench only: the scenarios to run (names of bench/scenarios/*.ps1); default all.
    [string[]] $BenchScenario
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

foreach ($module in 'Process', 'Build', 'Package', 'Test', 'Run') {
    Import-Module (Join-Path $PSScriptRoot "build/$module.psm1") -Force
}
$Build = New-BuildContext -Root $PSScriptRoot -Configuration $Configuration

function Invoke-Test {
    # Package, not just Build: the Pester suites install what out/packages holds (unless -NoPackage leaves those out).
    if ($NoPackage) {
        Write-Host '-NoPackage: building without packaging; out/packages is not written.' -ForegroundColor Yellow
        Invoke-ModuleBuild $Build
    }
    else {
        Invoke-ModulePackage $Build
    }
    $suites = @(Invoke-TestSuites -Build $Build -SkipXunit:$SkipXunit -SkipPester:$SkipPester -PesterPath $PesterPath -NoPackage:$NoPackage)
    $passed = ($suites | ForEach-Object { $_.Passed } | Measure-Object -Sum).Sum
    $failed = ($suites | ForEach-Object { $_.Failed } | Measure-Object -Sum).Sum
    $skipped = ($suites | ForEach-Object { $_.Skipped } | Measure-Object -Sum).Sum
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host ''
    if ($passed -eq 0) {
        # A selection that runs nothing (say -NoPackage with only Package.Tests.ps1) proves nothing.
        Write-Host 'No test ran: every selected test was skipped or none was found, and that fails the task.' -ForegroundColor Red
    }
    Write-Host $line
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

Push-Location $PSScriptRoot
try {
    switch ($Task) {
        'Build' { Invoke-ModuleBuild $Build }
        'Package' { Invoke-ModulePackage $Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-DemoTask -Build $Build -NoBuild:$NoBuild }
        'Bench' { Invoke-BenchTask -Build $Build -BenchRuns $BenchRuns -BenchScenario $BenchScenario }
    }
}
catch {
    Write-Host "build.ps1: $($_.Exception.Message)" -ForegroundColor Red
    if ($Task -eq 'Test') { Write-Host '0 passed, 1 failed' }
    exit 1
}
finally {
    Pop-Location
}
