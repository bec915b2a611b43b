#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 3: Get-PdSource -All | Measure-Object over one user's sources, then this process's peak RSS.

.DESCRIPTION
    The driver runs this in a fresh process per measurement, once for a user with few sources and
    once for a user with many, and compares the two peaks. The peak is
    [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 (on Linux, VmHWM), read after
    Refresh() once the list has been counted.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [int] $Expected,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$null = Connect-BenchModule $ModulePath $BaseUri $ApiKey
$sw = [Diagnostics.Stopwatch]::StartNew()
$measured = Get-PdSource -All | Measure-Object
$sw.Stop()
if ($measured.Count -ne $Expected) { throw "memory: counted $($measured.Count) sources, not $Expected." }
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
Write-BenchResult $ResultPath ([ordered]@{
        count           = $measured.Count
        ms              = $sw.Elapsed.TotalMilliseconds
        peak_rss_bytes  = $process.PeakWorkingSet64
        rss_bytes       = $process.WorkingSet64
    })
