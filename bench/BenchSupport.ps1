# Helpers shared by the driver (bench/BenchRun.psm1) and the scenarios in bench/scenarios, dot-sourced
# by each; it also gives the script that dot-sources it strict mode, 'Stop' and no progress bars.
# Nothing here talks to anything but a loopback host.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

# Throws unless the URI is on loopback: the benchmarks never talk to anything else.
function Assert-BenchLoopback([uri] $Uri) {
    if (-not $Uri.IsAbsoluteUri -or -not $Uri.IsLoopback) { throw "The benchmarks talk only to a loopback host, not '$Uri'." }
}

# One call to the emulator's control API (under /_emulator); writes its data (a list item by item).
function Invoke-BenchControl {
    param(
        [Parameter(Mandatory)] [uri] $Root,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        $Body
    )
    Assert-BenchLoopback $Root
    $request = @{ Method = $Method; Uri = $Root.AbsoluteUri.TrimEnd('/') + $Path }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Compress -Depth 10
        $request.ContentType = 'application/json'
    }
    $answer = Invoke-RestMethod @request
    if ($null -ne $answer -and $answer.PSObject.Properties['data']) { $answer.data }
}

# The logged API requests with this method whose path matches the regex.
function Get-BenchLoggedRequest([uri] $Root, [string] $Method, [string] $PathPattern) {
    @(Invoke-BenchControl -Root $Root -Method GET -Path '/_emulator/requests') |
        Where-Object { $_.method -eq $Method -and $_.path -match $PathPattern }
}

# Imports the module under test and connects it to the emulator as the current connection, with the
# settings' key; returns the connection.
function Connect-BenchModule([Parameter(Mandatory)] $Setting) {
    Import-Module $Setting.ModulePath -Global
    Connect-PdAccount -BaseUri $Setting.BaseUri -ApiKey $Setting.ApiKey -PassThru
}

# The start of a scenario's measurement, in its child pwsh: reads the settings the driver gave it
# (see Invoke-BenchChild in bench/BenchRun.psm1: ModulePath, BaseUri, ControlUri, ApiKey, ResultPath
# and the scenario's own) and connects the module under test. Returns the settings, with the
# connection added as Connection.
function Start-BenchMeasurement([Parameter(Mandatory)] [string] $SettingsPath) {
    $settings = Get-Content -Raw $SettingsPath | ConvertFrom-Json
    Assert-BenchLoopback $settings.BaseUri
    Assert-BenchLoopback $settings.ControlUri
    $settings | Add-Member -NotePropertyName Connection -NotePropertyValue (Connect-BenchModule $settings) -PassThru
}

# The path regex of a user's source list (GET /v1/users/me/sources, with or without a trailing slash).
$BenchSourceListPattern = '^/v1/users/me/sources/?$'

# Runs $Warmups warm-up rounds (the JIT keeps tiering up over the first runs) and then $Runs counted rounds; in each round every competitor runs once, in
# order (A B C A B C ...). Each run is timed on its own with a Stopwatch, after a full garbage
# collection, and must write exactly $Expected items into Measure-Object (its block returns the
# Measure-Object result) unless $Expected is negative. $BeforeEach (untimed) runs before each run
# with the competitor's name; $AfterEach (untimed) after it, with the name and the Measure-Object
# result, and returns a check value to record (or throws when the run was not what it should be).
# Returns, per competitor, the counted times in ms, the last warm-up's time and the checks.
function Invoke-BenchRounds {
    param(
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Competitors,
        [Parameter(Mandatory)] [int] $Runs,
        [Parameter(Mandatory)] [long] $Expected,
        [scriptblock] $BeforeEach,
        [scriptblock] $AfterEach,
        [string] $Label = 'bench',
        [int] $Warmups = 2
    )
    $results = [ordered]@{}
    foreach ($name in $Competitors.Keys) {
        $results[$name] = [ordered]@{ ms = [System.Collections.Generic.List[double]]::new(); warmup_ms = $null; checks = [System.Collections.Generic.List[object]]::new() }
    }
    for ($round = 1 - $Warmups; $round -le $Runs; $round++) {
        $roundName = if ($round -le 0) { 'warm-up' } else { "run $round/$Runs" }
        foreach ($name in $Competitors.Keys) {
            if ($BeforeEach) { & $BeforeEach $name }
            [GC]::Collect()
            [GC]::WaitForPendingFinalizers()
            [GC]::Collect()
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $measured = & $Competitors[$name]
            $sw.Stop()
            $ms = $sw.Elapsed.TotalMilliseconds
            if ($Expected -ge 0) {
                $count = if ($null -eq $measured) { 0 } else { $measured.Count }
                if ($count -ne $Expected) { throw "$Label ${name} ($roundName) wrote $count items, not $Expected." }
            }
            $check = if ($AfterEach) { & $AfterEach $name $measured } else { $null }
            if ($round -le 0) { $results[$name].warmup_ms = $ms }
            else {
                $results[$name].ms.Add($ms)
                $results[$name].checks.Add($check)
            }
            Write-Host ('  {0} {1,-9} {2,-10} {3,10:N1} ms' -f $Label, $roundName, $name, $ms)
        }
    }
    $results
}

# Writes a scenario's result for the driver to read.
function Write-BenchResult([string] $Path, $Result) {
    $Result | ConvertTo-Json -Depth 10 | Set-Content -Path $Path -Encoding utf8
}
