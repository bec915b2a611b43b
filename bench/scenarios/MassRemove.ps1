#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 6: Remove-PdSource -Force over 500 sources, sequential and with -ThrottleLimit.

.DESCRIPTION
    sequential  $sources | Remove-PdSource -Force
    throttle    $sources | Remove-PdSource -Force -ThrottleLimit 8
                (only when Remove-PdSource has -ThrottleLimit; otherwise reported as absent)

    Before each run (untimed) the user, who has no sources then, is given Count fresh ones with
    the control API's seed, they are read with Get-PdSource -All, and the request log is cleared;
    only piping those objects into Remove-PdSource is timed. After each run (untimed) the log must
    hold exactly Count DELETE /v1/sources/{id} answered 200, and the user must have no sources left.

    With DelayMs above 0, every DELETE /v1/sources/* answers that much later (a delay fault, set
    anew before each run), to stand for the latency of a real API; the report passes 0.

    With -Report (the driver, bench/BenchRun.psm1), it runs the measurement in a child pwsh and
    writes the rows; with -Settings, it is that measurement.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $count = 500
    $throttleLimit = 8
    # No added latency for the removes (the fan-out has its 20 ms); above 0, each DELETE answers that much later.
    $delayMs = 0
    $run = Get-BenchRun
    $user = Use-BenchUser 'bench-remove'
    $r = Invoke-BenchChild @{
        ApiKey = $user.ApiKey; UserId = $user.Id; Count = $count; ThrottleLimit = $throttleLimit; DelayMs = $delayMs
        Runs = $run.Runs; EmulatorProcessId = $run.EmulatorProcessId
    }
    $c = $r.competitors
    $latency = if ($delayMs -gt 0) { ", each answered $delayMs ms late" } else { '' }
    $sequential = Add-TimeRow "``Remove-PdSource -Force`` over $count sources$latency" $c.sequential 'sequential'
    $throttle = Add-TimeRow "the same with ``-ThrottleLimit $throttleLimit``" $(if ($r.has_throttle_limit) { $c.throttle }) '-ThrottleLimit'
    Add-RatioRow 'sequential / -ThrottleLimit' $sequential $throttle
    foreach ($p in @($r.cpu)) {
        if ($null -eq $p) { continue }
        $busy = ($p.client_cpu_ms + $p.emulator_cpu_ms) / $p.wall_ms
        Add-Detail -Line ('where the time goes ({0}, one extra run): {1} wall, pwsh CPU {2}, emulator CPU {3}: {4:0.00} of {5} cores busy' -f
            $p.name, (Format-Ms $p.wall_ms), (Format-Ms $p.client_cpu_ms), (Format-Ms $p.emulator_cpu_ms), $busy, [Environment]::ProcessorCount)
    }
    return
}

$s = Start-BenchMeasurement $Settings
$hasThrottle = (Get-Command Remove-PdSource).Parameters.ContainsKey('ThrottleLimit')
$count = $s.Count
$throttleLimit = $s.ThrottleLimit

$competitors = [ordered]@{}
$competitors.sequential = { $script:sources | Remove-PdSource -Force }
if ($hasThrottle) {
    $competitors.throttle = { $script:sources | Remove-PdSource -Force -ThrottleLimit $throttleLimit }
}

$script:sources = $null
$beforeEach = {
    param($name)
    $left = @(Get-PdSource -All)
    if ($left.Count -ne 0) { throw "remove: the user has $($left.Count) sources before $name, not 0." }
    $null = Invoke-BenchControl -Root $s.ControlUri -Method POST -Path '/_emulator/seed' -Body @{ count = $count; owner_id = $s.UserId; name_prefix = 'remove-' }
    $script:sources = @(Get-PdSource -All)
    if ($script:sources.Count -ne $count) { throw "remove: seeded $count sources but listed $($script:sources.Count)." }
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
    if ($s.DelayMs -gt 0) {
        $null = Invoke-BenchControl -Root $s.ControlUri -Method POST -Path '/_emulator/faults' -Body @{
            method = 'DELETE'; path = '/v1/sources/*'; count = 100 * $count; action = 'delay'; delay_ms = $s.DelayMs
        }
    }
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/requests'
}
$afterEach = {
    param($name, $measured)
    $deletes = @(Get-BenchLoggedRequest $s.ControlUri DELETE '^/v1/sources/dc_[^/]+/?$')
    $ok = @($deletes | Where-Object status -eq 200).Count
    if ($deletes.Count -ne $count -or $ok -ne $count) { throw "remove: $name sent $($deletes.Count) deletes ($ok answered 200), not $count." }
    $left = @(Get-PdSource -All).Count
    if ($left -ne 0) { throw "remove: $left sources left after $name." }
    $script:sources = $null
    $deletes.Count
}

# Remove-PdSource writes nothing, so there is no item count to check: $afterEach checks the deletes.
try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $s.Runs -Expected -1 -BeforeEach $beforeEach -AfterEach $afterEach -Label 'remove'
}
finally {
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
}

# Where the time goes: one more run of each competitor, not counted, with the CPU time this pwsh
# and the emulator used during it. Busy cores near the machine's count mean the run is bound by
# CPU (client and emulator share the cores), so more requests in flight cannot make it faster.
$cpu = [System.Collections.Generic.List[object]]::new()
if ($s.EmulatorProcessId -gt 0) {
    $emulator = Get-Process -Id $s.EmulatorProcessId
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
        Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
    }
}
Write-BenchResult $s.ResultPath ([ordered]@{
        has_throttle_limit = $hasThrottle
        count              = $s.Count
        delay_ms           = $s.DelayMs
        throttle_limit     = $s.ThrottleLimit
        competitors        = $results
        cpu                = $cpu
    })
