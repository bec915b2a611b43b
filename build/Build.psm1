# The Build task: compile, lay out out/PSPipedream from an explicit list of files, stamp the
# manifest with the version and its release notes, generate the cmdlet help and check the manifest.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Process.psm1')

# The paths every task works with; the tasks take this object rather than reading globals.
function New-BuildContext {
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $Configuration)
    $outDir = Join-Path $Root 'out'
    $moduleOut = Join-Path $outDir 'PSPipedream'
    [pscustomobject]@{
        Root           = $Root
        Configuration  = $Configuration
        OutDir         = $outDir
        ModuleOut      = $moduleOut
        ModuleManifest = Join-Path $moduleOut 'PSPipedream.psd1'
        PackagesOut    = Join-Path $outDir 'packages'
        EmulatorDll    = Join-Path $Root "src/PSPipedream.Emulator/bin/$Configuration/net10.0/PSPipedream.Emulator.dll"
    }
}

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Get-ProjectVersion([Parameter(Mandatory)] [string] $Root) {
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $version = $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    return [string] $version
}

# The release notes of a version: its section of CHANGELOG.md, without the heading.
function Get-ReleaseNote([string] $Root, [string] $Version) {
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

function Invoke-ModuleBuild($Build) {
    $root = $Build.Root
    Write-Step "dotnet build -c $($Build.Configuration)"
    Invoke-Native dotnet @('build', (Join-Path $root 'PSPipedream.sln'), '-c', $Build.Configuration, '--nologo', '-v', 'minimal')

    $moduleOut = $Build.ModuleOut
    Write-Step "Laying out $moduleOut"
    if (Test-Path $moduleOut) { Remove-Item -Recurse -Force $moduleOut }
    $null = New-Item -ItemType Directory -Force $moduleOut

    $bin = Join-Path $root "src/PSPipedream/bin/$($Build.Configuration)/netstandard2.0"
    # The explicit list of files the module ships; nothing else is copied.
    $files = @(
        (Join-Path $bin 'PSPipedream.dll'),
        (Join-Path $bin 'Newtonsoft.Json.dll')
    )
    $formats = Get-ChildItem (Join-Path $root 'src/PSPipedream') -Filter '*.Format.ps1xml' -File
    foreach ($file in @($files) + @($formats.FullName)) {
        if (-not (Test-Path $file)) { throw "Missing build output: $file" }
        Copy-Item $file $moduleOut
    }

    # Help: the about topics from en-US/; the cmdlet help is generated below, once the module is laid out.
    $helpOut = Join-Path $moduleOut 'en-US'
    $null = New-Item -ItemType Directory -Force $helpOut
    foreach ($topic in 'about_PSPipedream.help.txt', 'about_PSPipedream_Testing.help.txt') {
        $aboutTopic = Join-Path $root "en-US/$topic"
        if (-not (Test-Path $aboutTopic)) { throw "Missing help source: $aboutTopic" }
        Copy-Item $aboutTopic $helpOut
    }

    $license = Join-Path $root 'LICENSE'
    if (-not (Test-Path $license)) { throw "Missing $license" }
    Copy-Item $license $moduleOut

    # The manifest, with the version from Directory.Build.props and that version's CHANGELOG section.
    $version = Get-ProjectVersion $root
    $manifest = Get-Content -Raw (Join-Path $root 'PSPipedream.psd1')
    $stamped = Set-ManifestString $manifest 'ModuleVersion' $version
    $stamped = Set-ManifestString $stamped 'ReleaseNotes' (Get-ReleaseNote $root $version)
    Set-Content -Path $Build.ModuleManifest -Value $stamped -NoNewline -Encoding utf8

    Invoke-HelpGenerator $Build

    Write-Step 'Test-ModuleManifest'
    $check = "`$ErrorActionPreference = 'Stop'; `$null = Test-ModuleManifest -Path '$($Build.ModuleManifest.Replace("'", "''"))'"
    Invoke-Pwsh @('-Command', $check)
    Write-Host "Module $version laid out in $moduleOut"
}

# Writes out/PSPipedream/en-US/PSPipedream.dll-Help.xml from src/PSPipedream/Help/*.help.psd1 and
# the cmdlets' metadata. It runs in a child pwsh, which loads the module; this process never does.
# Missing help is a warning here (the Pester help test is what fails).
function Invoke-HelpGenerator($Build) {
    Write-Step 'Generating cmdlet help'
    $helpDir = Join-Path $Build.Root 'src/PSPipedream/Help'
    Invoke-Pwsh @('-File', (Join-Path $helpDir 'New-MamlHelp.ps1'), '-ModulePath', $Build.ModuleManifest, '-SourcePath', $helpDir,
        '-OutputPath', (Join-Path $Build.ModuleOut 'en-US/PSPipedream.dll-Help.xml'))
}

# Starts the emulator of this build on a free loopback port (see Start-EmulatorProcess).
function Start-BuiltEmulator($Build) {
    if (-not (Test-Path $Build.EmulatorDll)) { throw "Emulator not built: $($Build.EmulatorDll)" }
    Start-EmulatorProcess -Command @('dotnet', $Build.EmulatorDll)
}

Export-ModuleMember -Function New-BuildContext, Write-Step, Get-ProjectVersion, Get-ReleaseNote, Set-ManifestString,
    Invoke-ModuleBuild, Start-BuiltEmulator
