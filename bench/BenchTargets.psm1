# Reading and judging the benchmarks' targets (bench/targets.psd1): the driver's rows and the
# README check both render a target through here, so the two cannot say it differently.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:Culture = [cultureinfo]::InvariantCulture

# The scenarios of bench/targets.psd1, in the order of the results table.
function Get-BenchScenario {
    @((Import-PowerShellDataFile (Join-Path $PSScriptRoot 'targets.psd1')).Scenarios | ForEach-Object { [pscustomobject] $_ })
}

# A target as the results table gives it: '<= 1.3', '< 60 ms', 'exactly 1', '<= 32 (the first burst)'.
function Format-BenchTarget([Parameter(Mandatory)] [hashtable] $Target) {
    $limit = ([double] $Target.Limit).ToString($script:Culture)
    $text = if ($Target.Op -eq '=') { "exactly $limit" } else { "$($Target.Op) $limit" }
    if ($Target['Unit']) { $text += " $($Target.Unit)" }
    if ($Target['Note']) { $text += " ($($Target.Note))" }
    $text
}

# A scenario's targets as the README's Performance table gives them: 'module / floor <= 1.3, IRM / module >= 3'.
function Format-BenchTargetList($Scenario) {
    @($Scenario.Targets | ForEach-Object { "$($_.Name) $(Format-BenchTarget $_)" }) -join ', '
}

# Whether every value meets the target; values are in the target's unit, except MB targets, which
# take bytes.
function Test-BenchTarget([Parameter(Mandatory)] [hashtable] $Target, [Parameter(Mandatory)] [double[]] $Value) {
    $limit = [double] $Target.Limit
    if ($Target['Unit'] -eq 'MB') { $limit *= 1MB }
    foreach ($v in $Value) {
        $met = switch ($Target.Op) {
            '<' { $v -lt $limit }
            '<=' { $v -le $limit }
            '>=' { $v -ge $limit }
            '=' { $v -eq $limit }
            default { throw "bench/targets.psd1: unknown Op '$($Target.Op)'." }
        }
        if (-not $met) { return $false }
    }
    $true
}

Export-ModuleMember -Function Get-BenchScenario, Format-BenchTarget, Format-BenchTargetList, Test-BenchTarget
