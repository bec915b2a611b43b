# Runs the Pester suites; build/Test.psm1 starts it in a child pwsh, with the module under test and the
# emulator given in PSPD_TEST_* variables. It writes the passed, failed and skipped counts to
# $ResultFile as JSON, for the build's closing line.
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultFile,
    # Test files or folders, separated by [IO.Path]::PathSeparator.
    [Parameter(Mandatory)] [string] $PathList,
    [string[]] $ExcludeTag
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# The suites run with PowerShell's default preference, as a user's script would.
$ErrorActionPreference = 'Continue'
$config = New-PesterConfiguration
$config.Run.Path = $PathList -split [regex]::Escape([IO.Path]::PathSeparator)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
if ($ExcludeTag) { $config.Filter.ExcludeTag = $ExcludeTag }
$result = Invoke-Pester -Configuration $config
[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
