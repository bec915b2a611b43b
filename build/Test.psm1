# The Test task's suites: xunit through `dotnet test`, and Pester in a child pwsh against the built
# module and a freshly started emulator. Each returns its passed, failed and skipped counts, which
# build.ps1 adds up into its closing line.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Process.psm1')
Import-Module (Join-Path $PSScriptRoot 'Build.psm1')

$script:PesterVersion = '5.7.1'

# The tag of the Pester tests that install what out/packages holds; a run without packages leaves them out.
$script:PackageTag = 'Package'

# Restores Pester from NuGet into out/.tools (build/Pester.csproj) and returns its manifest.
function Restore-Pester($Build) {
    $toolsDir = Join-Path $Build.OutDir '.tools'
    $packages = Join-Path $toolsDir 'packages'
    $manifest = Join-Path $packages "pester/$script:PesterVersion/tools/Pester.psd1"
    if (Test-Path $manifest) { return $manifest }

    Write-Step "Restoring Pester $script:PesterVersion from NuGet"
    $intermediate = (Join-Path $toolsDir 'obj') + [IO.Path]::DirectorySeparatorChar
    Invoke-Native dotnet @('restore', (Join-Path $PSScriptRoot 'Pester.csproj'), '--nologo', '-v', 'minimal',
        "-p:PesterVersion=$script:PesterVersion", "-p:RestorePackagesPath=$packages", "-p:BaseIntermediateOutputPath=$intermediate")
    if (-not (Test-Path $manifest)) { throw "Pester $script:PesterVersion was restored but $manifest is missing." }
    return $manifest
}

# Runs the xunit suites; returns passed/failed/skipped totals read from their TRX files.
function Invoke-Xunit($Build) {
    $resultsDir = Join-Path $Build.OutDir 'TestResults'
    if (Test-Path $resultsDir) { Remove-Item -Recurse -Force $resultsDir }
    $totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $projects = Get-ChildItem (Join-Path $Build.Root 'tests') -Filter '*.csproj' -Recurse -File | Sort-Object FullName
    foreach ($project in $projects) {
        $name = $project.BaseName
        Write-Step "xunit: $name"
        $trx = "$name.trx"
        & dotnet test $project.FullName -c $Build.Configuration --no-build --nologo `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $resultsDir | Out-Host
        $exit = $LASTEXITCODE
        $trxPath = Join-Path $resultsDir $trx
        if (-not (Test-Path $trxPath)) {
            Write-Host "xunit: $name produced no results (exit code $exit)" -ForegroundColor Red
            $totals.Failed++
            continue
        }
        [xml] $xml = Get-Content -Raw $trxPath
        $c = $xml.TestRun.ResultSummary.Counters
        $passed = [int] $c.passed
        $failed = [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
        $skipped = [int] $c.notExecuted
        if ($exit -ne 0 -and $failed -eq 0) { $failed = 1 }  # the run itself broke
        $totals.Passed += $passed; $totals.Failed += $failed; $totals.Skipped += $skipped
        Write-Host "xunit: $name - $passed passed, $failed failed, $skipped skipped"
    }
    return $totals
}

# Runs Pester in a child pwsh against out/PSPipedream and the emulator: $PesterPath when given
# (files or folders, or one comma-separated string), else tests/Pester and examples/tests. With
# -NoPackage the tests tagged Package, which install out/packages, are left out (and counted as skipped).
function Invoke-PesterSuite {
    param($Build, $Emulator, [string[]] $PesterPath, [switch] $NoPackage)
    $pester = Restore-Pester $Build
    $paths = if ($PesterPath) { $PesterPath -split ',' | ForEach-Object { (Resolve-Path $_.Trim()).Path } }
    else { @((Join-Path $Build.Root 'tests/Pester'), (Join-Path $Build.Root 'examples/tests')) }
    $resultFile = Join-Path $Build.OutDir 'pester-result.json'
    if (Test-Path $resultFile) { Remove-Item $resultFile }

    $runArgs = @('-File', (Join-Path $PSScriptRoot 'Invoke-PesterRun.ps1'), '-PesterManifest', $pester, '-ResultFile', $resultFile,
        '-PathList', ($paths -join [IO.Path]::PathSeparator))
    if ($NoPackage) {
        Write-Host "-NoPackage: the Pester tests tagged '$script:PackageTag' (tests/Pester/Package.Tests.ps1) are skipped; they install out/packages." -ForegroundColor Yellow
        $runArgs += @('-ExcludeTag', $script:PackageTag)
    }
    $env:PSPD_TEST_MODULE = $Build.ModuleManifest
    $env:PSPD_TEST_ROOT = $Emulator.Root
    $env:PSPD_TEST_BASEURI = $Emulator.BaseUri
    $env:PSPD_TEST_APIKEY = $Emulator.ApiKey
    try {
        Write-Step 'Pester'
        $pwsh = @(Get-PwshCommand)
        # Not Invoke-Pwsh: failed tests end the child with a non-zero code, and the counts tell the rest.
        & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $runArgs) | Out-Host
    }
    finally {
        foreach ($name in 'PSPD_TEST_MODULE', 'PSPD_TEST_ROOT', 'PSPD_TEST_BASEURI', 'PSPD_TEST_APIKEY') {
            Remove-Item "env:$name" -ErrorAction SilentlyContinue
        }
    }
    if (-not (Test-Path $resultFile)) {
        Write-Host 'Pester produced no results.' -ForegroundColor Red
        return [ordered]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $r = Get-Content -Raw $resultFile | ConvertFrom-Json
    return [ordered]@{ Passed = [int] $r.Passed; Failed = [int] $r.Failed; Skipped = [int] $r.Skipped }
}

# The suites of the Test task, each a passed/failed/skipped total: xunit unless -SkipXunit, then Pester
# against a freshly started emulator unless -SkipPester.
function Invoke-TestSuites {
    param($Build, [switch] $SkipXunit, [switch] $SkipPester, [string[]] $PesterPath, [switch] $NoPackage)
    if (-not $SkipXunit) { Invoke-Xunit $Build }
    if (-not $SkipPester) {
        $emulator = Start-BuiltEmulator $Build
        try {
            Write-Host "Emulator at $($emulator.BaseUri)"
            Invoke-PesterSuite -Build $Build -Emulator $emulator -PesterPath $PesterPath -NoPackage:$NoPackage
        }
        finally {
            Stop-EmulatorProcess $emulator
        }
    }
}

Export-ModuleMember -Function Invoke-TestSuites
