#Requires -Version 7.2

<#
.SYNOPSIS
    Builds and tests PSPipedream.

.DESCRIPTION
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
             suite, and exits non-zero when anything failed.
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

    # Demo only: use out/PSPipedream and the emulator as last built, without building.
    [switch] $NoBuild,

    # Bench only: counted runs of each scenario, after one warm-up run (the import scenario runs twice as many).
    [ValidateRange(1, 50)]
    [int] $BenchRuns = 5
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out'
$ModuleOut = Join-Path $OutDir 'PSPipedream'
$PackagesOut = Join-Path $OutDir 'packages'
$PesterVersion = '5.7.1'

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    # To the host, so a tool's output never becomes a function's return value.
    & $FilePath @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ProjectVersion {
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $version = $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    return [string] $version
}

# The pwsh that runs this script, as a command line that starts a fresh one.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

# The release notes of a version: its section of CHANGELOG.md, without the heading.
function Get-ReleaseNote([string] $Version) {
    $changelog = Join-Path $Root 'CHANGELOG.md'
    if (-not (Test-Path $changelog)) { throw "Missing $changelog." }
    $lines = Get-Content $changelog
    $heading = "^## \[$([regex]::Escape($Version))\]"
    $start = 0
    while ($start -lt $lines.Count -and $lines[$start] -notmatch $heading) { $start++ }
    if ($start -eq $lines.Count) { throw "CHANGELOG.md has no section '## [$Version]'." }
    $end = $start + 1
    while ($end -lt $lines.Count -and $lines[$end] -notmatch '^## ') { $end++ }
    $text = ($lines[($start + 1)..($end - 1)] -join "`n").Trim()
    if (-not $text) { throw "CHANGELOG.md's section '## [$Version]' is empty." }
    return $text
}

# Sets a manifest key (a single-quoted string on its own line) to a value, or throws when the key is missing.
function Set-ManifestString([string] $Manifest, [string] $Key, [string] $Value) {
    $pattern = "(?m)^(\s*$Key\s*=\s*)'(?:[^']|'')*'"
    if ($Manifest -notmatch $pattern) { throw "PSPipedream.psd1 has no $Key line to stamp." }
    $quoted = "'" + $Value.Replace("'", "''") + "'"
    return [regex]::Replace($Manifest, $pattern, { param($m) $m.Groups[1].Value + $quoted }, 1)
}

function Invoke-Build {
    Write-Step "dotnet build -c $Configuration"
    Invoke-Native dotnet @('build', (Join-Path $Root 'PSPipedream.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')

    Write-Step "Laying out $ModuleOut"
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    $null = New-Item -ItemType Directory -Force $ModuleOut

    $bin = Join-Path $Root "src/PSPipedream/bin/$Configuration/netstandard2.0"
    # The explicit list of files the module ships; nothing else is copied.
    $files = @(
        (Join-Path $bin 'PSPipedream.dll'),
        (Join-Path $bin 'Newtonsoft.Json.dll')
    )
    $formats = Get-ChildItem (Join-Path $Root 'src/PSPipedream') -Filter '*.Format.ps1xml' -File
    foreach ($file in @($files) + @($formats.FullName)) {
        if (-not (Test-Path $file)) { throw "Missing build output: $file" }
        Copy-Item $file $ModuleOut
    }

    # Help: the about topics from en-US/; the cmdlet help is generated below, once the module is laid out.
    $helpOut = Join-Path $ModuleOut 'en-US'
    $null = New-Item -ItemType Directory -Force $helpOut
    foreach ($topic in 'about_PSPipedream.help.txt', 'about_PSPipedream_Testing.help.txt') {
        $aboutTopic = Join-Path $Root "en-US/$topic"
        if (-not (Test-Path $aboutTopic)) { throw "Missing help source: $aboutTopic" }
        Copy-Item $aboutTopic $helpOut
    }

    $license = Join-Path $Root 'LICENSE'
    if (-not (Test-Path $license)) { throw "Missing $license" }
    Copy-Item $license $ModuleOut

    # The manifest, with the version from Directory.Build.props and that version's CHANGELOG section.
    $version = Get-ProjectVersion
    $manifest = Get-Content -Raw (Join-Path $Root 'PSPipedream.psd1')
    $stamped = Set-ManifestString $manifest 'ModuleVersion' $version
    $stamped = Set-ManifestString $stamped 'ReleaseNotes' (Get-ReleaseNote $version)
    $manifestOut = Join-Path $ModuleOut 'PSPipedream.psd1'
    Set-Content -Path $manifestOut -Value $stamped -NoNewline -Encoding utf8

    Invoke-HelpGenerator

    Write-Step 'Test-ModuleManifest'
    $pwsh = @(Get-PwshCommand)
    $check = "`$ErrorActionPreference = 'Stop'; `$null = Test-ModuleManifest -Path '$($manifestOut.Replace("'", "''"))'"
    Invoke-Native $pwsh[0] (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $check))
    Write-Host "Module $version laid out in $ModuleOut"
}

# Writes out/PSPipedream/en-US/PSPipedream.dll-Help.xml from src/PSPipedream/Help/*.help.psd1 and
# the cmdlets' metadata. It runs in a child pwsh, which loads the module; this process never does.
# Missing help is a warning here (the Pester help test is what fails).
function Invoke-HelpGenerator {
    Write-Step 'Generating cmdlet help'
    $helpDir = Join-Path $Root 'src/PSPipedream/Help'
    $pwsh = @(Get-PwshCommand)
    $childArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $helpDir 'New-MamlHelp.ps1'),
        '-ModulePath', (Join-Path $ModuleOut 'PSPipedream.psd1'), '-SourcePath', $helpDir,
        '-OutputPath', (Join-Path $ModuleOut 'en-US/PSPipedream.dll-Help.xml'))
    Invoke-Native $pwsh[0] $childArgs
}

# Runs a script file in a child pwsh whose home is a new temporary folder (HOME and the XDG folders,
# and on Windows the profile folders), so that the repositories PSResourceGet and PowerShellGet
# register and the modules they install stay out of the user's own settings. The folders must exist
# (.NET reports a missing one as '', and PSResourceGet and NuGet then write their settings relative
# to the working directory), and the child runs in the temporary home so nothing lands in the repo.
function Invoke-IsolatedPwsh([string] $ScriptFile, [string[]] $Arguments) {
    $tempHome = Join-Path ([IO.Path]::GetTempPath()) ('pspd-home-' + [guid]::NewGuid().ToString('N'))
    $isolated = [ordered]@{
        HOME                        = $tempHome
        XDG_CONFIG_HOME             = Join-Path $tempHome '.config'
        XDG_DATA_HOME               = Join-Path $tempHome '.local/share'
        XDG_CACHE_HOME              = Join-Path $tempHome '.cache'
        POWERSHELL_TELEMETRY_OPTOUT = '1'
        POWERSHELL_UPDATECHECK      = 'Off'
    }
    if ($IsWindows) {
        $isolated.USERPROFILE = $tempHome
        $isolated.APPDATA = Join-Path $tempHome 'AppData/Roaming'
        $isolated.LOCALAPPDATA = Join-Path $tempHome 'AppData/Local'
    }
    $saved = @{}
    foreach ($name in $isolated.Keys) {
        if ($isolated[$name].StartsWith($tempHome)) { $null = New-Item -ItemType Directory -Force $isolated[$name] }
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $isolated[$name])
    }
    Push-Location $tempHome
    try {
        $pwsh = @(Get-PwshCommand)
        Invoke-Native $pwsh[0] (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $ScriptFile) + $Arguments)
    }
    finally {
        Pop-Location
        foreach ($name in $isolated.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -Recurse -Force $tempHome -ErrorAction SilentlyContinue
    }
}

# Build, then the two packages in out/packages: the module (through PSResourceGet, as a user's
# Publish-PSResource would make it) and the emulator as a .NET tool.
function Invoke-Package {
    Invoke-Build
    $version = Get-ProjectVersion
    if (Test-Path $PackagesOut) { Remove-Item -Recurse -Force $PackagesOut }
    $null = New-Item -ItemType Directory -Force $PackagesOut

    Write-Step "Publish-PSResource PSPipedream $version to $PackagesOut"
    # The repository lives only in the child's temporary home; on Windows, where PSResourceGet's
    # settings folder does not follow the environment, the finally block unregisters it.
    $script = @'
param([string] $ModulePath, [string] $RepositoryPath)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet)) {
    throw 'Packaging needs Microsoft.PowerShell.PSResourceGet, which ships with PowerShell 7.4 and later (dotnet pwsh has it).'
}
$name = 'PSPipedreamBuild' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $name -Uri $RepositoryPath -Trusted
try { Publish-PSResource -Path $ModulePath -Repository $name }
finally { Unregister-PSResourceRepository -Name $name }
'@
    $scriptFile = Join-Path $OutDir 'publish-module.ps1'
    Set-Content -Path $scriptFile -Value $script -Encoding utf8
    Invoke-IsolatedPwsh $scriptFile @($ModuleOut, $PackagesOut)
    $modulePackage = Join-Path $PackagesOut "PSPipedream.$version.nupkg"
    if (-not (Test-Path $modulePackage)) { throw "Publish-PSResource wrote no $modulePackage." }

    Write-Step "dotnet pack PSPipedream.Emulator $version"
    $emulator = Join-Path $Root 'src/PSPipedream.Emulator'
    # Pack copies the project's publish folder into the tool; start it empty so nothing stale rides along.
    $publishDir = Join-Path $emulator "bin/$Configuration/net10.0/publish"
    if (Test-Path $publishDir) { Remove-Item -Recurse -Force $publishDir }
    Invoke-Native dotnet @('pack', (Join-Path $emulator 'PSPipedream.Emulator.csproj'), '-c', $Configuration, '--no-build',
        '--nologo', '-v', 'minimal', '-o', $PackagesOut)
    $toolPackage = Join-Path $PackagesOut "PSPipedream.Emulator.$version.nupkg"
    if (-not (Test-Path $toolPackage)) { throw "dotnet pack wrote no $toolPackage." }
    Write-Host "Packages $version written to $PackagesOut"
}

# Restores the build's own tools (Pester) from NuGet into out/.tools and returns Pester's manifest.
function Restore-Pester {
    $toolsDir = Join-Path $OutDir '.tools'
    $packages = Join-Path $toolsDir 'packages'
    $manifest = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (Test-Path $manifest) { return $manifest }

    Write-Step "Restoring Pester $PesterVersion from NuGet"
    $null = New-Item -ItemType Directory -Force $toolsDir
    $project = Join-Path $toolsDir 'tools.csproj'
    @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RestorePackagesPath>$packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Pester" Version="[$PesterVersion]" />
  </ItemGroup>
</Project>
"@ | Set-Content -Path $project -Encoding utf8
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'minimal')
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was restored but $manifest is missing." }
    return $manifest
}

# Starts the emulator from its Release build on a free loopback port.
function Start-Emulator {
    $dll = Join-Path $Root "src/PSPipedream.Emulator/bin/$Configuration/net10.0/PSPipedream.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "Emulator not built: $dll" }
    $key = -join ((1..32) | ForEach-Object { '0123456789abcdefghijklmnopqrstuvwxyz'[(Get-Random -Maximum 36)] })

    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--urls', 'http://127.0.0.1:0')) { $psi.ArgumentList.Add($a) }
    # From the environment rather than the command line, where anyone on the machine could read it.
    $psi.Environment['PD_EMULATOR_API_KEY'] = $key
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $deadline = [DateTime]::UtcNow.AddSeconds(60)
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
        ApiKey  = $key
    }
}

function Stop-Emulator($Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }
}

# Runs the xunit suites; returns passed/failed/skipped totals read from their TRX files.
function Invoke-Xunit {
    $resultsDir = Join-Path $OutDir 'TestResults'
    if (Test-Path $resultsDir) { Remove-Item -Recurse -Force $resultsDir }
    $totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Filter '*.csproj' -Recurse -File | Sort-Object FullName
    foreach ($project in $projects) {
        $name = $project.BaseName
        Write-Step "xunit: $name"
        $trx = "$name.trx"
        & dotnet test $project.FullName -c $Configuration --no-build --nologo `
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

# Runs Pester in a child pwsh against out/PSPipedream and the emulator.
function Invoke-PesterSuite($Emulator) {
    $pester = Restore-Pester
    $paths = if ($PesterPath) { $PesterPath -split ',' | ForEach-Object { (Resolve-Path $_.Trim()).Path } } else { @((Join-Path $Root 'tests/Pester'), (Join-Path $Root 'examples/tests')) }
    $resultFile = Join-Path $OutDir 'pester-result.json'
    if (Test-Path $resultFile) { Remove-Item $resultFile }

    $script = @'
param($PesterManifest, $ResultFile, [string] $PathList)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# The suites run with PowerShell's default preference, as a user's script would.
$ErrorActionPreference = 'Continue'
$config = New-PesterConfiguration
$config.Run.Path = $PathList -split [regex]::Escape([IO.Path]::PathSeparator)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config
[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
'@
    $scriptFile = Join-Path $OutDir 'run-pester.ps1'
    Set-Content -Path $scriptFile -Value $script -Encoding utf8

    $env:PSPD_TEST_MODULE = Join-Path $ModuleOut 'PSPipedream.psd1'
    $env:PSPD_TEST_ROOT = $Emulator.Root
    $env:PSPD_TEST_BASEURI = $Emulator.BaseUri
    $env:PSPD_TEST_APIKEY = $Emulator.ApiKey
    try {
        Write-Step 'Pester'
        $pwsh = @(Get-PwshCommand)
        $childArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $scriptFile, $pester, $resultFile, ($paths -join [IO.Path]::PathSeparator))
        & $pwsh[0] @childArgs | Out-Host
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

function Invoke-Test {
    # Package, not just Build: the Pester suites install what out/packages holds.
    Invoke-Package
    $suites = @()
    if (-not $SkipXunit) { $suites += Invoke-Xunit }
    if (-not $SkipPester) {
        $emulator = Start-Emulator
        try {
            Write-Host "Emulator at $($emulator.BaseUri)"
            $suites += Invoke-PesterSuite $emulator
        }
        finally {
            Stop-Emulator $emulator
        }
    }
    $passed = ($suites | ForEach-Object { $_.Passed } | Measure-Object -Sum).Sum
    $failed = ($suites | ForEach-Object { $_.Failed } | Measure-Object -Sum).Sum
    $skipped = ($suites | ForEach-Object { $_.Skipped } | Measure-Object -Sum).Sum
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host ''
    Write-Host $line
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# Starts the emulator and runs the demo in a child pwsh, connected through the environment as a
# CI job would be. The child writes straight to this console. However the demo ends (Ctrl+C included),
# the child is given time to clean up after itself and the emulator is stopped; an interrupted demo
# exits non-zero.
function Invoke-Demo {
    if ($NoBuild) {
        if (-not (Test-Path (Join-Path $ModuleOut 'PSPipedream.psd1'))) { throw "No module in ${ModuleOut}: run the Demo without -NoBuild." }
    }
    else {
        Invoke-Build
    }
    $emulator = Start-Emulator
    $child = $null
    $failure = 'the demo was interrupted.'
    try {
        Write-Step "Demo against the emulator at $($emulator.BaseUri)"
        $pwsh = @(Get-PwshCommand)
        $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        $childArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'examples/demo/Invoke-Demo.ps1'),
            '-ModulePath', (Join-Path $ModuleOut 'PSPipedream.psd1'), '-ControlUri', $emulator.Root)
        foreach ($a in $childArgs) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
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
        Stop-Emulator $emulator
        if ($failure) {
            # Not `exit`: once Ctrl+C has been pressed, an advanced script's exit code is 0 whatever it says.
            [Console]::Error.WriteLine("build.ps1: $failure")
            [Environment]::Exit(1)
        }
    }
}

# Builds Release, starts the Release emulator on a free loopback port and runs bench/Invoke-Bench.ps1
# in this process; it starts every measured pwsh itself, from the same executable as this one.
function Invoke-Bench {
    if ($Configuration -ne 'Release') { throw 'Bench measures the Release build: leave -Configuration at Release.' }
    Invoke-Build
    $emulator = Start-Emulator
    try {
        Write-Step "Benchmarks against the emulator at $($emulator.BaseUri)"
        & (Join-Path $Root 'bench/Invoke-Bench.ps1') -ModulePath (Join-Path $ModuleOut 'PSPipedream.psd1') `
            -BaseUri $emulator.BaseUri -ControlUri $emulator.Root -Runs $BenchRuns -ImportRuns (4 * $BenchRuns) `
            -PwshCommand @(Get-PwshCommand) -OutFile (Join-Path $Root 'bench/results.md') -EmulatorProcessId $emulator.Process.Id
    }
    finally {
        Stop-Emulator $emulator
    }
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Package' { Invoke-Package }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
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
