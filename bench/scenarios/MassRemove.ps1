#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 6: Remove-PdSource -Force over $Count sources, sequential and with -ThrottleLimit.

.DESCRIPTION
    sequential  $sources | Remove-PdSource -Force
    throttle    $sources | Remove-PdSource -Force -ThrottleLimit 8
                (only when Remove-PdSource has -ThrottleLimit; otherwise reported as absent)

    Before each run (untimed) the user, who has no sources then, is given $Count fresh ones with
    the control API's seed, they are read with Get-PdSource -All, and the request log is cleared;
    only piping those objects into Remove-PdSource is timed. After each run (untimed) the log must
    hold exactly $Count DELETE /v1/sources/{id} answered 200, and the user must have no sources left.

    With -DelayMs above 0, every DELETE /v1/sources/* answers that much later (a delay fault, set
    anew before each run), to stand for the latency of a real API; the driver passes 0.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ControlUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $UserId,
    [Parameter(Mandatory)] [int] $Count,
    [Parameter(Mandatory)] [int] $ThrottleLimit,
    [int] $DelayMs = 0,
    [Parameter(Mandatory)] [int] $Runs,
    [int] $EmulatorProcessId = 0,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$null = Connect-BenchModule $ModulePath $BaseUri $ApiKey
$hasThrottle = (Get-Command Remove-PdSource).Parameters.ContainsKey('ThrottleLimit')

$competitors = [ordered]@{}
$competitors.sequential = { $script:sources | Remove-PdSource -Force }
if ($hasThrottle) {
    $competitors.throttle = { $script:sources | Remove-PdSource -Force -ThrottleLimit $ThrottleLimit }
}

$script:sources = $null
$beforeEach = {
    param($name)
    $left = @(Get-PdSource -All)
    if ($left.Count -ne 0) { throw "remove: the user has $($left.Count) sources before $name, not 0." }
    $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/seed' -Body @{ count = $Count; owner_id = $UserId; name_prefix = 'remove-' }
    $script:sources = @(Get-PdSource -All)
    if ($script:sources.Count -ne $Count) { throw "remove: seeded $Count sources but listed $($script:sources.Count)." }
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
    if ($DelayMs -gt 0) {
        $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/faults' -Body @{
            method = 'DELETE'; path = '/v1/sources/*'; count = 100 * $Count; action = 'delay'; delay_ms = $DelayMs
        }
    }
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/requests'
}
$afterEach = {
    param($name, $measured)
    $deletes = @(Get-BenchLoggedRequest $ControlUri DELETE '^/v1/sources/dc_[^/]+/?$')
    $ok = @($deletes | Where-Object status -eq 200).Count
    if ($deletes.Count -ne $Count -or $ok -ne $Count) { throw "remove: $name sent $($deletes.Count) deletes ($ok answered 200), not $Count." }
    $left = @(Get-PdSource -All).Count
    if ($left -ne 0) { throw "remove: $left sources left after $name." }
    $script:sources = $null
    $deletes.Count
}

# Remove-PdSource writes nothing, so there is no item count to check: $afterEach checks the deletes.
try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $Runs -Expected -1 -BeforeEach $beforeEach -AfterEach $afterEach -Label 'remove'
}
finally {
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
}

# Where the time goes: one more run of each competitor, not counted, with the CPU time this pwsh
# and the emulator used during it. Busy cores near the machine's count mean the run is bound by
# CPU (client and emulator share the cores), so more requests in flight cannot make it faster.
$cpu = [System.Collections.Generic.List[object]]::new()
if ($EmulatorProcessId -gt 0) {
    $emulator = Get-Process -Id $EmulatorProcessId
    $self = [Diagnostics.Process]::GetCurrentProcess()
    try {
        foreach ($name in $competitors.Keys) {
            & $beforeEach $name
            [GC]::Collect()
            $self.Refresh(); $emulator.Refresh()
            $client0 = $self.TotalProcessorTime; $server0 = $emulator.TotalProcessorTime
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $null = & $competitors[$name]
            $sw.Stop()
            $self.Refresh(); $emulator.Refresh()
            $cpu.Add([ordered]@{
                    name            = $name
                    wall_ms         = $sw.Elapsed.TotalMilliseconds
                    client_cpu_ms   = ($self.TotalProcessorTime - $client0).TotalMilliseconds
                    emulator_cpu_ms = ($emulator.TotalProcessorTime - $server0).TotalMilliseconds
                })
            $null = & $afterEach $name $null
        }
    }
    finally {
        Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
    }
}
Write-BenchResult $ResultPath ([ordered]@{
        has_throttle_limit = $hasThrottle
        count              = $Count
        delay_ms           = $DelayMs
        throttle_limit     = $ThrottleLimit
        competitors        = $results
        cpu                = $cpu
    })
