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

    Before each run the emulator's faults are replaced by one delay fault of $DelayMs on
    GET /v1/sources/*/event_summaries with a count that cannot run out in one run; after it,
    the fault must have been used exactly once per source.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ControlUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [int] $Sources,
    [Parameter(Mandatory)] [int] $Expected,
    [Parameter(Mandatory)] [int] $DelayMs,
    [Parameter(Mandatory)] [int] $ThrottleLimit,
    [Parameter(Mandatory)] [int] $Runs,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$conn = Connect-BenchModule $ModulePath $BaseUri $ApiKey
$hasThrottle = (Get-Command Get-PdEvent).Parameters.ContainsKey('ThrottleLimit')

$competitors = [ordered]@{}
$competitors.sequential = { Get-PdSource -All | Get-PdEvent | Measure-Object }
if ($hasThrottle) {
    $competitors.throttle = { Get-PdSource -All | Get-PdEvent -ThrottleLimit $ThrottleLimit | Measure-Object }
}
$competitors.parallel = {
    Get-PdSource -All | ForEach-Object -Parallel {
        Import-Module $using:ModulePath
        Get-PdEvent -SourceId $_.Id -Connection $using:conn
    } -ThrottleLimit $ThrottleLimit | Measure-Object
}

$faultCount = 100 * $Sources
$faultPath = '/v1/sources/*/event_summaries'
$beforeEach = {
    param($name)
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
    $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/faults' -Body @{
        method = 'GET'; path = $faultPath; count = $faultCount; action = 'delay'; delay_ms = $DelayMs
    }
}
$afterEach = {
    param($name, $measured)
    $fault = @(Invoke-BenchControl -Root $ControlUri -Method GET -Path '/_emulator/faults')
    if ($fault.Count -ne 1) { throw "fan-out: expected one fault after $name, found $($fault.Count)." }
    $used = $faultCount - $fault[0].remaining
    if ($used -ne $Sources) { throw "fan-out: $name sent $used delayed event list requests, not $Sources." }
    $used
}

try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $Runs -Expected $Expected -BeforeEach $beforeEach -AfterEach $afterEach -Label 'fan-out'
}
finally {
    Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults'
}
Write-BenchResult $ResultPath ([ordered]@{
        has_throttle_limit = $hasThrottle
        sources            = $Sources
        expected           = $Expected
        delay_ms           = $DelayMs
        throttle_limit     = $ThrottleLimit
        competitors        = $results
    })
