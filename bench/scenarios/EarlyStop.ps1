#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 4: the source-list requests of Get-PdSource -All | Select-Object -First 1.

.DESCRIPTION
    With -Report (the driver, bench/BenchRun.psm1), each round clears the emulator's request log,
    runs the measurement below in a fresh child pwsh and counts the source-list requests once it
    has ended, over the list scenario's 10,000 sources. With -Settings, it is that measurement:
    Get-PdSource -All | Select-Object -First 1, once, writing how many items came out (1).
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $run = Get-BenchRun
    $user = Use-BenchUser 'bench-list' -Sources 10000 -Prefix 'list-'
    $counts = [System.Collections.Generic.List[double]]::new()
    $warmup = $null
    for ($round = 0; $round -le $run.Runs; $round++) {
        Invoke-BenchControl -Root $run.ControlUri -Method DELETE -Path '/_emulator/requests'
        $r = Invoke-BenchChild @{ ApiKey = $user.ApiKey }
        if ($r.items -ne 1) { throw "Select-Object -First 1 got $($r.items) items." }
        # A request still in flight when the child ended (a page read ahead) is logged when answered.
        Start-Sleep -Milliseconds 250
        $requests = @(Get-BenchLoggedRequest $run.ControlUri GET $BenchSourceListPattern).Count
        if ($round -eq 0) { $warmup = $requests } else { $counts.Add($requests) }
        Write-Host "  early stop $(if ($round -eq 0) { 'warm-up' } else { "run $round/$($run.Runs)" }): $requests source-list request(s)"
    }
    $all = ($counts | ForEach-Object { Format-Count $_ }) -join ', '
    Add-TargetRow 'source-list requests' "$(Get-Median $counts) (runs: $all)" -Actual $counts `
        -Measure 'source-list requests of `Get-PdSource -All | Select-Object -First 1`'
    Add-Detail 'requests' $counts $warmup { param($v) Format-Count $v }
    return
}

$s = Start-BenchMeasurement $Settings
$items = @(Get-PdSource -All | Select-Object -First 1)
Write-BenchResult $s.ResultPath ([ordered]@{ items = $items.Count })
