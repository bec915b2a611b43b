#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 7: a 429 storm. How many requests the module sends to an API that answers nothing but
    429 (without Retry-After), one item at a time against -ThrottleLimit 32.

.DESCRIPTION
    sequential  Get-PdSource -All | Get-PdEvent
    throttle    Get-PdSource -All | Get-PdEvent -ThrottleLimit 32

    Every event list request answers 429. The connection waits at most $BudgetSeconds per request
    (MaxRetryWaitSeconds), and a fan-out that has seen only 429s for longer than that stops
    starting items. Each run records the event list requests the emulator logged and the run's
    time. The throttled run may send no more than the sequential one plus its first burst of 32.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ControlUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [int] $ThrottleLimit,
    [Parameter(Mandatory)] [int] $BudgetSeconds,
    [Parameter(Mandatory)] [int] $Runs,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$null = Connect-BenchModule $ModulePath $BaseUri $ApiKey

$competitors = [ordered]@{
    sequential = { Get-PdSource -All | Get-PdEvent -ErrorAction SilentlyContinue }
    throttle   = { Get-PdSource -All | Get-PdEvent -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue }
}
$faultPath = '/v1/sources/*/event_summaries'
$pattern = '^/v1/sources/[^/]+/event_summaries$'
$results = [ordered]@{}
try {
    foreach ($name in $competitors.Keys) { $results[$name] = [ordered]@{ requests = @(); ms = @(); per_second = @() } }
    for ($run = 0; $run -lt $Runs; $run++) {
        foreach ($name in $competitors.Keys) {
            # A fresh connection each run: the last run's throttling must not carry over.
            $null = Connect-BenchModule $ModulePath $BaseUri $ApiKey
            (Get-PdContext).MaxRetryWaitSeconds = $BudgetSeconds
            Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
            Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/requests'
            $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/faults' -Body @{
                method = 'GET'; path = $faultPath; count = 1000000; action = 'status'; status = 429
            }
            $sw = [Diagnostics.Stopwatch]::StartNew()
            try { & $competitors[$name] | Out-Null } catch { if ($_.FullyQualifiedErrorId -notlike 'PdRateLimited*') { throw } }
            $sw.Stop()
            $sent = @(Get-BenchLoggedRequest $ControlUri 'GET' $pattern).Count
            $results[$name].requests += $sent
            $results[$name].ms += $sw.Elapsed.TotalMilliseconds
            $results[$name].per_second += $sent / $sw.Elapsed.TotalSeconds
        }
    }
}
finally {
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
}
Write-BenchResult $ResultPath ([ordered]@{
        throttle_limit = $ThrottleLimit
        budget_seconds = $BudgetSeconds
        competitors    = $results
    })
