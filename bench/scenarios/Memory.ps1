#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 3: the peak RSS of a pwsh listing 100,000 sources against one listing 1,000.

.DESCRIPTION
    With -Report (the driver, bench/BenchRun.psm1), it seeds the two users and, each round, runs
    the measurement below in a fresh process for each and compares the two peaks. With -Settings,
    it is that measurement: Get-PdSource -All | Measure-Object over one user's sources, then this
    process's peak, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 (on Linux, VmHWM),
    read after Refresh() once the list has been counted.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $smallCount = 1000
    $largeCount = 100000
    $run = Get-BenchRun
    $smallUser = Use-BenchUser 'bench-memory-small' -Sources $smallCount -Prefix 'memory-'
    $largeUser = Use-BenchUser 'bench-memory-large' -Sources $largeCount -Prefix 'memory-'
    $small = [System.Collections.Generic.List[double]]::new()
    $large = [System.Collections.Generic.List[double]]::new()
    $warmup = $null
    for ($round = 0; $round -le $run.Runs; $round++) {
        $s = Invoke-BenchChild @{ ApiKey = $smallUser.ApiKey; Expected = $smallCount }
        $l = Invoke-BenchChild @{ ApiKey = $largeUser.ApiKey; Expected = $largeCount }
        if ($round -eq 0) { $warmup = @($s.peak_rss_bytes, $l.peak_rss_bytes) } else { $small.Add($s.peak_rss_bytes); $large.Add($l.peak_rss_bytes) }
        $roundName = if ($round -eq 0) { 'warm-up' } else { "run $round/$($run.Runs)" }
        Write-Host ('  memory {0,-9} 1,000: {1} ({2})   100,000: {3} ({4})' -f $roundName, (Format-MB $s.peak_rss_bytes), (Format-Ms $s.ms), (Format-MB $l.peak_rss_bytes), (Format-Ms $l.ms))
    }
    $s = Get-Median $small
    $l = Get-Median $large
    Add-Row 'peak RSS, `Get-PdSource -All` over 1,000 sources' (Format-MB $s)
    Add-Row 'peak RSS, the same over 100,000 sources' (Format-MB $l)
    Add-TargetRow 'difference' (Format-MB ($l - $s)) -Actual ($l - $s)
    Add-Detail '1,000 sources' $small $warmup[0] { param($v) Format-MB $v }
    Add-Detail '100,000 sources' $large $warmup[1] { param($v) Format-MB $v }
    return
}

$s = Start-BenchMeasurement $Settings
$sw = [Diagnostics.Stopwatch]::StartNew()
$measured = Get-PdSource -All | Measure-Object
$sw.Stop()
if ($measured.Count -ne $s.Expected) { throw "memory: counted $($measured.Count) sources, not $($s.Expected)." }
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
Write-BenchResult $s.ResultPath ([ordered]@{
        count           = $measured.Count
        ms              = $sw.Elapsed.TotalMilliseconds
        peak_rss_bytes  = $process.PeakWorkingSet64
        rss_bytes       = $process.WorkingSet64
    })
