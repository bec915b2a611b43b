#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 5: the events of every source of a user, with each event list request slowed down.

.DESCRIPTION
    sequential  Get-PdSource -All | Get-PdEvent | Measure-Object
    throttle    Get-PdSource -All | Get-PdEvent -ThrottleLimit 8 | Measure-Object
                (only when Get-PdEvent has -ThrottleLimit; otherwise reported as absent)
    parallel    Get-PdSource -All | ForEach-Object -Parallel { Import-Module ...; Get-PdEvent
                -SourceId $_.Id -Connection $using:conn } -ThrottleLimit 8 | Measure-Object,
                sharing one connection from Connect-PdAccount -PassThru

    Before each run the emulator's faults are replaced by one delay fault of DelayMs on
    GET /v1/sources/*/event_summaries with a count that cannot run out in one run; after it,
    the fault must have been used exactly once per source.

    With -Report (the driver, bench/BenchRun.psm1), it seeds 200 sources with 3 events each, runs
    the measurement in a child pwsh and writes the rows; with -Settings, it is that measurement.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $sources = 200
    $eventsPerSource = 3
    $throttleLimit = 8
    $run = Get-BenchRun
    $user = Use-BenchUser 'bench-fanout' -Sources $sources -Prefix 'fanout-'
    $ids = [System.Collections.Generic.List[string]]::new()
    $headers = @{ Authorization = "Bearer $($user.ApiKey)" }
    $after = $null
    do {
        $uri = $run.BaseUri.AbsoluteUri.TrimEnd('/') + '/users/me/sources?limit=100' + $(if ($after) { '&after=' + [uri]::EscapeDataString($after) } else { '' })
        $page = Invoke-RestMethod -Uri $uri -Headers $headers
        foreach ($source in @($page.data)) { $ids.Add($source.id) }
        $after = $page.page_info.end_cursor
    } while ($after -and $ids.Count -lt $page.page_info.total_count)
    if ($ids.Count -ne $sources) { throw "The fan-out user has $($ids.Count) sources, not $sources." }
    $n = 0
    foreach ($id in $ids) {
        $null = Invoke-BenchControl -Root $run.ControlUri -Method POST -Path '/_emulator/emit' -Body @{ emitter_id = $id; event = @{ n = ++$n; source = $id }; count = $eventsPerSource }
    }

    $r = Invoke-BenchChild @{
        ApiKey = $user.ApiKey; Sources = $sources; Expected = $sources * $eventsPerSource; DelayMs = 20
        ThrottleLimit = $throttleLimit; Runs = $run.Runs
    }
    $c = $r.competitors
    $sequential = Add-TimeRow '(a) `Get-PdSource -All | Get-PdEvent`' $c.sequential '(a) sequential'
    $throttle = Add-TimeRow "(b) ``... | Get-PdEvent -ThrottleLimit $throttleLimit``" $(if ($r.has_throttle_limit) { $c.throttle }) '(b) -ThrottleLimit'
    $parallel = Add-TimeRow "(c) ``ForEach-Object -Parallel { Get-PdEvent } -ThrottleLimit $throttleLimit``" $c.parallel '(c) ForEach-Object -Parallel'
    Add-RatioRow '(a) / (b)' $sequential $throttle
    Add-RatioRow '(c) / (b)' $parallel $throttle
    return
}

$s = Start-BenchMeasurement $Settings
$conn = $s.Connection
$hasThrottle = (Get-Command Get-PdEvent).Parameters.ContainsKey('ThrottleLimit')
$modulePath = $s.ModulePath
$throttleLimit = $s.ThrottleLimit

$competitors = [ordered]@{}
$competitors.sequential = { Get-PdSource -All | Get-PdEvent | Measure-Object }
if ($hasThrottle) {
    $competitors.throttle = { Get-PdSource -All | Get-PdEvent -ThrottleLimit $throttleLimit | Measure-Object }
}
$competitors.parallel = {
    Get-PdSource -All | ForEach-Object -Parallel {
        Import-Module $using:modulePath
        Get-PdEvent -SourceId $_.Id -Connection $using:conn
    } -ThrottleLimit $throttleLimit | Measure-Object
}

$faultCount = 100 * $s.Sources
$faultPath = '/v1/sources/*/event_summaries'
$beforeEach = {
    param($name)
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
    $null = Invoke-BenchControl -Root $s.ControlUri -Method POST -Path '/_emulator/faults' -Body @{
        method = 'GET'; path = $faultPath; count = $faultCount; action = 'delay'; delay_ms = $s.DelayMs
    }
}
$afterEach = {
    param($name, $measured)
    $fault = @(Invoke-BenchControl -Root $s.ControlUri -Method GET -Path '/_emulator/faults')
    if ($fault.Count -ne 1) { throw "fan-out: expected one fault after $name, found $($fault.Count)." }
    $used = $faultCount - $fault[0].remaining
    if ($used -ne $s.Sources) { throw "fan-out: $name sent $used delayed event list requests, not $($s.Sources)." }
    $used
}

try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $s.Runs -Expected $s.Expected -BeforeEach $beforeEach -AfterEach $afterEach -Label 'fan-out'
}
finally {
    Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/faults'
}
Write-BenchResult $s.ResultPath ([ordered]@{
        has_throttle_limit = $hasThrottle
        sources            = $s.Sources
        expected           = $s.Expected
        delay_ms           = $s.DelayMs
        throttle_limit     = $s.ThrottleLimit
        competitors        = $results
    })
