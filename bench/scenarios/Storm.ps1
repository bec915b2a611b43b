#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 7: a 429 storm. How many requests the module sends to an API that answers nothing but
    429 (without Retry-After), one item at a time against -ThrottleLimit 32.

.DESCRIPTION
    sequential  Get-PdSource -All | Get-PdEvent
    throttle    Get-PdSource -All | Get-PdEvent -ThrottleLimit 32

    Every event list request answers 429. The connection waits at most BudgetSeconds per request
    (MaxRetryWaitSeconds), and a fan-out that has seen only 429s for longer than that stops
    starting items. Each run records the event list requests the emulator logged and the run's
    time. The throttled run may send no more than the sequential one plus its first burst of 32:
    the target's limit, which is also the -ThrottleLimit.

    With -Report (the driver, bench/BenchRun.psm1), it seeds 100 sources, runs the measurement in a
    child pwsh and writes the rows; with -Settings, it is that measurement.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $budgetSeconds = 4
    $throttleLimit = Get-TargetLimit '(b) - (a)'
    $run = Get-BenchRun
    $user = Use-BenchUser 'bench-storm' -Sources 100 -Prefix 'storm-'
    $c = (Invoke-BenchChild @{
            ApiKey = $user.ApiKey; ThrottleLimit = $throttleLimit; BudgetSeconds = $budgetSeconds; Runs = [Math]::Min($run.Runs, 3)
        }).competitors
    $sequential = Get-Median $c.sequential.requests
    $throttle = Get-Median $c.throttle.requests
    Add-Row "(a) requests of ``Get-PdSource -All | Get-PdEvent``, every answer 429, MaxRetryWaitSeconds $budgetSeconds" ("{0} in {1} ({2:N1}/s)" -f $sequential, (Format-Ms (Get-Median $c.sequential.ms)), (Get-Median $c.sequential.per_second))
    Add-Row "(b) requests of ``... | Get-PdEvent -ThrottleLimit $throttleLimit``" ("{0} in {1} ({2:N1}/s)" -f $throttle, (Format-Ms (Get-Median $c.throttle.ms)), (Get-Median $c.throttle.per_second))
    Add-TargetRow '(b) - (a)' (Format-Count ($throttle - $sequential)) -Actual ($throttle - $sequential)
    Add-Detail '(a) sequential requests' $c.sequential.requests $null { param($v) Format-Count $v }
    Add-Detail '(b) -ThrottleLimit requests' $c.throttle.requests $null { param($v) Format-Count $v }
    return
}

$s = Start-BenchMeasurement $Settings
$throttleLimit = $s.ThrottleLimit

$competitors = [ordered]@{
    sequential = { Get-PdSource -All | Get-PdEvent -ErrorAction SilentlyContinue }
    throttle   = { Get-PdSource -All | Get-PdEvent -ThrottleLimit $throttleLimit -ErrorAction SilentlyContinue }
}
$faultPath = '/v1/sources/*/event_summaries'
$pattern = '^/v1/sources/[^/]+/event_summaries$'
$results = [ordered]@{}
try {
    foreach ($name in $competitors.Keys) { $results[$name] = [ordered]@{ requests = @(); ms = @(); per_second = @() } }
    for ($run = 0; $run -lt $s.Runs; $run++) {
        foreach ($name in $competitors.Keys) {
            # A fresh connection each run: the last run's throttling must not carry over.
            $null = Connect-BenchModule $s
            (Get-PdContext).MaxRetryWaitSeconds = $s.BudgetSeconds
            Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
            Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/requests'
            $null = Invoke-BenchControl -Root $s.ControlUri -Method POST -Path '/_emulator/faults' -Body @{
                method = 'GET'; path = $faultPath; count = 1000000; action = 'status'; status = 429
            }
            $sw = [Diagnostics.Stopwatch]::StartNew()
            try { & $competitors[$name] | Out-Null } catch { if ($_.FullyQualifiedErrorId -notlike 'PdRateLimited*') { throw } }
            $sw.Stop()
            $sent = @(Get-BenchLoggedRequest $s.ControlUri 'GET' $pattern).Count
            $results[$name].requests += $sent
            $results[$name].ms += $sw.Elapsed.TotalMilliseconds
            $results[$name].per_second += $sent / $sw.Elapsed.TotalSeconds
        }
    }
}
finally {
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
}
Write-BenchResult $s.ResultPath ([ordered]@{
        throttle_limit = $s.ThrottleLimit
        budget_seconds = $s.BudgetSeconds
        competitors    = $results
    })
