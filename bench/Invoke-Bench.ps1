#Requires -Version 7.2

<#
.SYNOPSIS
    Runs the PSPipedream benchmarks against a running emulator and writes bench/results.md.

.DESCRIPTION
    This is what `build.ps1 -Task Bench` runs once it has built the module in Release and started
    the Release emulator on 127.0.0.1. It gives the emulator its data through the control API
    (a user of its own for each data set, so that each list holds exactly the sources seeded for
    it), then runs the scenarios, each in child processes started from the same pwsh as this
    one, with -NoProfile:

      1. list 10,000 sources: Get-PdSource -All against an Invoke-RestMethod loop and a bare
         HttpClient + Newtonsoft loop, all three in one child, interleaved
      2. import: pwsh -NoProfile -Command "Import-Module ..." minus pwsh -NoProfile -Command 1,
         each timed as a whole process
      3. memory: the peak RSS of a child listing 100,000 sources against one listing 1,000
      4. early stop: the source-list requests of Get-PdSource -All | Select-Object -First 1
      5. fan-out: Get-PdEvent over 200 sources whose event lists answer 20 ms late, sequential,
         with -ThrottleLimit 8, and with ForEach-Object -Parallel -ThrottleLimit 8
      6. mass change: Remove-PdSource -Force over 500 sources, sequential and with -ThrottleLimit 8

    Every timed scenario runs two warm-up rounds that are not counted and then -Runs counted rounds,
    the competitors taking turns within each round (A B C A B C ...); the table gives medians.
    Every competitor writes every item into Measure-Object and each run's count is checked, as
    are the requests it sent, from the emulator's request log. Where Get-PdEvent or
    Remove-PdSource has no -ThrottleLimit, those measurements are reported as n/a.

    The table is printed and written to -OutFile with the machine's core count, OS, pwsh and
    .NET versions and the date. A scenario that fails is reported in the table and makes this
    script throw at the end, after the others have run.

.PARAMETER ModulePath
    The manifest of the module to measure (out/PSPipedream/PSPipedream.psd1).

.PARAMETER BaseUri
    The emulator's API base URI (http://127.0.0.1:<port>/v1).

.PARAMETER ControlUri
    The emulator's root, where its control API (/_emulator) lives.

.PARAMETER Runs
    Counted runs of each scenario, after the warm-up. Default 5.

.PARAMETER ImportRuns
    Counted runs of the import scenario (each is two process starts). Default 10.

.PARAMETER PwshCommand
    The command line that starts a pwsh like this one (build.ps1 passes its own); default: this
    process's executable ([Environment]::ProcessPath), with pwsh.dll when that is dotnet.

.PARAMETER OutFile
    Where to write the results. Default bench/results.md.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [uri] $BaseUri,
    [Parameter(Mandatory)] [uri] $ControlUri,
    [ValidateRange(1, 100)] [int] $Runs = 5,
    [ValidateRange(1, 100)] [int] $ImportRuns = 10,
    [string[]] $PwshCommand,
    [string] $OutFile = (Join-Path $PSScriptRoot 'results.md'),
    # The emulator's process, for the CPU time of scenario 6's extra run (0: not measured).
    [int] $EmulatorProcessId = 0
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')
Assert-BenchLoopback $BaseUri
Assert-BenchLoopback $ControlUri
$ModulePath = (Resolve-Path $ModulePath).Path
$Culture = [cultureinfo]::InvariantCulture

# The data sets and the scenarios' settings.
$ListCount = 10000
$MemorySmall = 1000
$MemoryLarge = 100000
$FanOutSources = 200
$EventsPerSource = 3
$FanOutDelayMs = 20
$ThrottleLimit = 8
$RemoveCount = 500
# No added latency for the removes (the fan-out has its 20 ms); above 0, each DELETE answers that much later.
$RemoveDelayMs = 0
# The 429 storm: sources whose events are asked for, the fan-out's limit, and the wait budget per request.
$StormSources = 100
$StormThrottleLimit = 32
$StormBudgetSeconds = 4

if (-not $PwshCommand) {
    $process = [Environment]::ProcessPath
    $PwshCommand = if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
}
$PwshExe = $PwshCommand[0]
$PwshPrefix = @($PwshCommand | Select-Object -Skip 1)

$TempDir = Join-Path ([IO.Path]::GetTempPath()) ('pspd-bench-' + [guid]::NewGuid().ToString('N'))
$Rows = [System.Collections.Generic.List[object]]::new()
$Details = [System.Collections.Generic.List[object]]::new()
$Failures = [System.Collections.Generic.List[string]]::new()
$NoThrottle = 'n/a (no -ThrottleLimit)'

function Write-BenchStep([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Format-Ms([double] $Ms) {
    if ($Ms -ge 100) { return $Ms.ToString('N0', $Culture) + ' ms' }
    return $Ms.ToString('N1', $Culture) + ' ms'
}

function Format-MB([double] $Bytes) { ($Bytes / 1MB).ToString('N1', $Culture) + ' MB' }

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n -eq 0) { throw 'No values to take the median of.' }
    if ($n % 2 -eq 1) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Add-Row([string] $Scenario, [string] $Measure, [string] $Value, [string] $Target = '', [string] $Result = '') {
    $Rows.Add([pscustomobject]@{ Scenario = $Scenario; Measure = $Measure; Value = $Value; Target = $Target; Result = $Result })
}

# A ratio row: PASS when Ratio compares to Limit as Op says ('<=' or '>=').
function Add-RatioRow([string] $Scenario, [string] $Measure, [double] $Ratio, [string] $Op, [double] $Limit) {
    $pass = if ($Op -eq '<=') { $Ratio -le $Limit } else { $Ratio -ge $Limit }
    Add-Row $Scenario $Measure ($Ratio.ToString('N2', $Culture) + 'x') "$Op $($Limit.ToString($Culture))" $(if ($pass) { 'PASS' } else { 'MISS' })
}

# A detail line: every counted value of a series (and the warm-up's), for judging the noise.
function Add-Detail([string] $Scenario, [string] $Name, [double[]] $Values, $Warmup, [scriptblock] $Format = { param($v) Format-Ms $v }) {
    $line = "- $Scenario, ${Name}: " + (($Values | ForEach-Object { & $Format $_ }) -join ', ')
    if ($null -ne $Warmup) { $line += ' (warm-up ' + (& $Format $Warmup) + ')' }
    $Details.Add([pscustomobject]@{ Scenario = $Scenario; Line = $line })
}

# Runs a scenario script in a child pwsh (-NoProfile -NonInteractive) and returns what it wrote.
function Invoke-BenchChild([string] $Scenario, [System.Collections.IDictionary] $Parameters) {
    $script = Join-Path $PSScriptRoot "scenarios/$Scenario.ps1"
    $resultFile = Join-Path $TempDir ("$Scenario-" + [guid]::NewGuid().ToString('N') + '.json')
    $childArgs = @($PwshPrefix) + @('-NoProfile', '-NonInteractive', '-File', $script)
    foreach ($key in $Parameters.Keys) { $childArgs += @("-$key", [string] $Parameters[$key]) }
    $childArgs += @('-ResultPath', $resultFile)
    & $PwshExe @childArgs | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "bench/scenarios/$Scenario.ps1 failed (exit code $LASTEXITCODE)." }
    if (-not (Test-Path $resultFile)) { throw "bench/scenarios/$Scenario.ps1 wrote no result." }
    Get-Content -Raw $resultFile | ConvertFrom-Json
}

# Starts a pwsh with these arguments, waits for it to end and returns its wall time in ms.
# pwsh records the methods its start-up compiles (StartupProfileData-NonInteractive, in its cache
# folder) and has them compiled ahead on the next start, whatever that start then does. So that
# one kind of start does not profit from, or pay for, another kind's record, each kind (-Kind)
# gets a cache folder of its own, as a user who always starts pwsh the same way would have.
function Measure-PwshProcess([string[]] $Arguments, [Parameter(Mandatory)] [string] $Kind) {
    $psi = [System.Diagnostics.ProcessStartInfo]::new($PwshExe)
    foreach ($a in @($PwshPrefix) + $Arguments) { $psi.ArgumentList.Add($a) }
    $cache = Join-Path $TempDir "pwsh-cache-$Kind"
    $psi.Environment['XDG_CACHE_HOME'] = $cache
    $psi.Environment['LOCALAPPDATA'] = $cache
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $child = [System.Diagnostics.Process]::Start($psi)
    $stdout = $child.StandardOutput.ReadToEndAsync()
    $stderr = $child.StandardError.ReadToEndAsync()
    $child.WaitForExit()
    $sw.Stop()
    if ($child.ExitCode -ne 0) { throw "pwsh $($Arguments -join ' ') failed (exit code $($child.ExitCode)): $($stderr.Result)$($stdout.Result)" }
    $sw.Elapsed.TotalMilliseconds
}

function New-BenchUser([string] $Name) {
    $key = -join ((1..32) | ForEach-Object { '0123456789abcdefghijklmnopqrstuvwxyz'[(Get-Random -Maximum 36)] })
    $user = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/users' -Body @{ username = $Name; api_key = $key }
    [pscustomobject]@{ Id = $user.id; ApiKey = $key; Name = $Name }
}

function Add-BenchSource($User, [int] $Count, [string] $Prefix) {
    $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/seed' -Body @{ count = $Count; owner_id = $User.Id; name_prefix = $Prefix }
}

# Runs one scenario; a failure is recorded as a row and in $Failures, and the others go on.
function Invoke-Scenario([string] $Title, [scriptblock] $Body) {
    Write-BenchStep $Title
    $sw = [Diagnostics.Stopwatch]::StartNew()
    try {
        & $Body
    }
    catch {
        $Failures.Add("${Title}: $($_.Exception.Message)")
        Add-Row $Title 'ERROR' $_.Exception.Message '' 'ERROR'
        Write-Host "FAILED: $($_.Exception.Message)" -ForegroundColor Red
    }
    $sw.Stop()
    $script:Timings[$Title] = $sw.Elapsed.TotalSeconds
}

$Timings = [ordered]@{}
$Sections = [ordered]@{}
$S1 = '1. list 10,000 sources'
$S2 = '2. import'
$S3 = '3. memory'
$S4 = '4. early stop'
$S5 = '5. fan-out'
$S6 = '6. mass change'
$S7 = '7. 429 storm'

# The children's environment: no telemetry or update check (they would go beyond loopback), and no
# PIPEDREAM_* settings of the user's own (a default org would change what the lists hold).
$ChildEnvironment = [ordered]@{
    POWERSHELL_TELEMETRY_OPTOUT = '1'
    POWERSHELL_UPDATECHECK      = 'Off'
    PIPEDREAM_API_KEY           = $null
    PIPEDREAM_BASE_URL          = $null
    PIPEDREAM_ORG_ID            = $null
}
$SavedEnvironment = @{}
foreach ($name in $ChildEnvironment.Keys) {
    $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    [Environment]::SetEnvironmentVariable($name, $ChildEnvironment[$name])
}
$null = New-Item -ItemType Directory -Path $TempDir
$started = [Diagnostics.Stopwatch]::StartNew()
try {
    Write-BenchStep "Seeding the emulator at $BaseUri"
    $listUser = New-BenchUser 'bench-list'
    Add-BenchSource $listUser $ListCount 'list-'
    $fanOutUser = New-BenchUser 'bench-fanout'
    Add-BenchSource $fanOutUser $FanOutSources 'fanout-'
    $fanOutHeaders = @{ Authorization = "Bearer $($fanOutUser.ApiKey)" }
    $fanOutIds = [System.Collections.Generic.List[string]]::new()
    $after = $null
    do {
        $uri = $BaseUri.AbsoluteUri.TrimEnd('/') + '/users/me/sources?limit=100' + $(if ($after) { '&after=' + [uri]::EscapeDataString($after) } else { '' })
        $page = Invoke-RestMethod -Uri $uri -Headers $fanOutHeaders
        foreach ($s in @($page.data)) { $fanOutIds.Add($s.id) }
        $after = $page.page_info.end_cursor
    } while ($after -and $fanOutIds.Count -lt $page.page_info.total_count)
    if ($fanOutIds.Count -ne $FanOutSources) { throw "The fan-out user has $($fanOutIds.Count) sources, not $FanOutSources." }
    $n = 0
    foreach ($id in $fanOutIds) {
        $null = Invoke-BenchControl -Root $ControlUri -Method POST -Path '/_emulator/emit' -Body @{ emitter_id = $id; event = @{ n = ++$n; source = $id }; count = $EventsPerSource }
    }
    $removeUser = New-BenchUser 'bench-remove'
    $memorySmallUser = New-BenchUser 'bench-memory-small'
    Add-BenchSource $memorySmallUser $MemorySmall 'memory-'
    Write-Host "Seeded $ListCount sources for the list, $FanOutSources with $EventsPerSource events each for the fan-out, $MemorySmall for the memory baseline."

    Invoke-Scenario $S1 {
        $r = Invoke-BenchChild 'List' ([ordered]@{
                ModulePath = $ModulePath; BaseUri = $BaseUri; ControlUri = $ControlUri; ApiKey = $listUser.ApiKey
                Expected = $ListCount; Runs = $Runs
            })
        $module = Get-Median $r.competitors.module.ms
        $irm = Get-Median $r.competitors.irm.ms
        $floor = Get-Median $r.competitors.floor.ms
        Add-Row $S1 'module: `Get-PdSource -All`' (Format-Ms $module)
        Add-Row $S1 'IRM loop (limit=100, end_cursor)' (Format-Ms $irm)
        Add-Row $S1 'floor: HttpClient + Newtonsoft loop' (Format-Ms $floor)
        Add-RatioRow $S1 'module / floor' ($module / $floor) '<=' 1.3
        Add-RatioRow $S1 'IRM / module' ($irm / $module) '>=' 3
        Add-Detail $S1 'module' $r.competitors.module.ms $r.competitors.module.warmup_ms
        Add-Detail $S1 'IRM loop' $r.competitors.irm.ms $r.competitors.irm.warmup_ms
        Add-Detail $S1 'floor' $r.competitors.floor.ms $r.competitors.floor.warmup_ms
    }

    Invoke-Scenario $S2 {
        $baselineArgs = @('-NoProfile', '-Command', '1')
        $importArgs = @('-NoProfile', '-Command', "Import-Module '$($ModulePath.Replace("'", "''"))'")
        # The reference for what PowerShell itself costs: a manifest that names only the same dll
        # (no formats, no export lists, no other fields), imported the same way.
        $bare = Join-Path $TempDir 'bare-manifest'
        $null = New-Item -ItemType Directory -Path $bare -Force
        $dll = Join-Path (Split-Path $ModulePath) 'PSPipedream.dll'
        Set-Content -Path (Join-Path $bare 'PSPipedream.psd1') -Value "@{ RootModule = '$($dll.Replace("'", "''"))'; ModuleVersion = '0.0.1'; CmdletsToExport = '*' }"
        $bareArgs = @('-NoProfile', '-Command', "Import-Module '$((Join-Path $bare 'PSPipedream.psd1').Replace("'", "''"))'")
        $baseline = [System.Collections.Generic.List[double]]::new()
        $import = [System.Collections.Generic.List[double]]::new()
        $bareImport = [System.Collections.Generic.List[double]]::new()
        $warmup = $null
        for ($round = 0; $round -le $ImportRuns; $round++) {
            $b = Measure-PwshProcess $baselineArgs -Kind baseline
            $i = Measure-PwshProcess $importArgs -Kind import
            $m = Measure-PwshProcess $bareArgs -Kind bare
            if ($round -eq 0) { $warmup = @($b, $i, $m) } else { $baseline.Add($b); $import.Add($i); $bareImport.Add($m) }
            $roundName = if ($round -eq 0) { 'warm-up' } else { "run $round/$ImportRuns" }
            Write-Host ('  import {0,-9} -Command 1 {1,10:N1} ms   Import-Module {2,10:N1} ms   bare manifest {3,10:N1} ms' -f $roundName, $b, $i, $m)
        }
        $b = Get-Median $baseline
        $i = Get-Median $import
        Add-Row $S2 '`pwsh -NoProfile -Command 1`' (Format-Ms $b)
        Add-Row $S2 '`pwsh -NoProfile -Command "Import-Module ..."`' (Format-Ms $i)
        $cost = $i - $b
        Add-Row $S2 'import - baseline' (Format-Ms $cost) '< 60 ms' $(if ($cost -lt 60) { 'PASS' } else { 'MISS' })
        Add-Row $S2 'reference: a bare manifest of the same dll - baseline' (Format-Ms ((Get-Median $bareImport) - $b))
        Add-Detail $S2 '-Command 1' $baseline $warmup[0]
        Add-Detail $S2 'Import-Module' $import $warmup[1]
        Add-Detail $S2 'bare manifest' $bareImport $warmup[2]
        $paired = @(for ($k = 0; $k -lt $import.Count; $k++) { $import[$k] - $baseline[$k] })
        Add-Detail $S2 "Import-Module minus -Command 1 in the same round (median $(Format-Ms (Get-Median $paired)))" $paired $null
    }

    Invoke-Scenario $S4 {
        $counts = [System.Collections.Generic.List[double]]::new()
        $warmup = $null
        for ($round = 0; $round -le $Runs; $round++) {
            Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/requests'
            $r = Invoke-BenchChild 'EarlyStop' ([ordered]@{ ModulePath = $ModulePath; BaseUri = $BaseUri; ApiKey = $listUser.ApiKey })
            if ($r.items -ne 1) { throw "Select-Object -First 1 got $($r.items) items." }
            # A request still in flight when the child ended (a page read ahead) is logged when answered.
            Start-Sleep -Milliseconds 250
            $requests = @(Get-BenchLoggedRequest $ControlUri GET $BenchSourceListPattern).Count
            if ($round -eq 0) { $warmup = $requests } else { $counts.Add($requests) }
            Write-Host "  early stop $(if ($round -eq 0) { 'warm-up' } else { "run $round/$Runs" }): $requests source-list request(s)"
        }
        $all = ($counts | ForEach-Object { $_.ToString($Culture) }) -join ', '
        $pass = @($counts | Where-Object { $_ -ne 1 }).Count -eq 0
        Add-Row $S4 'source-list requests of `Get-PdSource -All | Select-Object -First 1`' "$(Get-Median $counts) (runs: $all)" 'exactly 1' $(if ($pass) { 'PASS' } else { 'MISS' })
        Add-Detail $S4 'requests' $counts $warmup { param($v) $v.ToString($Culture) }
    }

    Invoke-Scenario $S5 {
        $r = Invoke-BenchChild 'FanOut' ([ordered]@{
                ModulePath = $ModulePath; BaseUri = $BaseUri; ControlUri = $ControlUri; ApiKey = $fanOutUser.ApiKey
                Sources = $FanOutSources; Expected = $FanOutSources * $EventsPerSource; DelayMs = $FanOutDelayMs
                ThrottleLimit = $ThrottleLimit; Runs = $Runs
            })
        $c = $r.competitors
        $sequential = Get-Median $c.sequential.ms
        $parallel = Get-Median $c.parallel.ms
        Add-Row $S5 '(a) `Get-PdSource -All | Get-PdEvent`' (Format-Ms $sequential)
        if ($r.has_throttle_limit) {
            $throttle = Get-Median $c.throttle.ms
            Add-Row $S5 "(b) ``... | Get-PdEvent -ThrottleLimit $ThrottleLimit``" (Format-Ms $throttle)
        }
        else {
            Add-Row $S5 "(b) ``... | Get-PdEvent -ThrottleLimit $ThrottleLimit``" $NoThrottle
        }
        Add-Row $S5 "(c) ``ForEach-Object -Parallel { Get-PdEvent } -ThrottleLimit $ThrottleLimit``" (Format-Ms $parallel)
        if ($r.has_throttle_limit) {
            Add-RatioRow $S5 '(a) / (b)' ($sequential / $throttle) '>=' 6
            Add-RatioRow $S5 '(c) / (b)' ($parallel / $throttle) '>=' 1.5
        }
        else {
            Add-Row $S5 '(a) / (b)' $NoThrottle '>= 6' 'n/a'
            Add-Row $S5 '(c) / (b)' $NoThrottle '>= 1.5' 'n/a'
        }
        Add-Detail $S5 '(a) sequential' $c.sequential.ms $c.sequential.warmup_ms
        if ($r.has_throttle_limit) { Add-Detail $S5 '(b) -ThrottleLimit' $c.throttle.ms $c.throttle.warmup_ms }
        Add-Detail $S5 '(c) ForEach-Object -Parallel' $c.parallel.ms $c.parallel.warmup_ms
    }

    Invoke-Scenario $S6 {
        $r = Invoke-BenchChild 'MassRemove' ([ordered]@{
                ModulePath = $ModulePath; BaseUri = $BaseUri; ControlUri = $ControlUri; ApiKey = $removeUser.ApiKey
                UserId = $removeUser.Id; Count = $RemoveCount; ThrottleLimit = $ThrottleLimit; DelayMs = $RemoveDelayMs; Runs = $Runs
                EmulatorProcessId = $EmulatorProcessId
            })
        $c = $r.competitors
        $sequential = Get-Median $c.sequential.ms
        $latency = if ($RemoveDelayMs -gt 0) { ", each answered $RemoveDelayMs ms late" } else { '' }
        Add-Row $S6 "``Remove-PdSource -Force`` over $RemoveCount sources$latency" (Format-Ms $sequential)
        if ($r.has_throttle_limit) {
            $throttle = Get-Median $c.throttle.ms
            Add-Row $S6 "the same with ``-ThrottleLimit $ThrottleLimit``" (Format-Ms $throttle)
            Add-RatioRow $S6 'sequential / -ThrottleLimit' ($sequential / $throttle) '>=' 5
        }
        else {
            Add-Row $S6 "the same with ``-ThrottleLimit $ThrottleLimit``" $NoThrottle
            Add-Row $S6 'sequential / -ThrottleLimit' $NoThrottle '>= 5' 'n/a'
        }
        Add-Detail $S6 'sequential' $c.sequential.ms $c.sequential.warmup_ms
        if ($r.has_throttle_limit) { Add-Detail $S6 '-ThrottleLimit' $c.throttle.ms $c.throttle.warmup_ms }
        foreach ($p in @($r.cpu)) {
            if ($null -eq $p) { continue }
            $busy = ($p.client_cpu_ms + $p.emulator_cpu_ms) / $p.wall_ms
            $Details.Add([pscustomobject]@{ Scenario = $S6; Line = ('- {0}, where the time goes ({1}, one extra run): {2} wall, pwsh CPU {3}, emulator CPU {4}: {5:0.00} of {6} cores busy' -f
                        $S6, $p.name, (Format-Ms $p.wall_ms), (Format-Ms $p.client_cpu_ms), (Format-Ms $p.emulator_cpu_ms), $busy, [Environment]::ProcessorCount) })
        }
    }

    Invoke-Scenario $S7 {
        $stormUser = New-BenchUser 'bench-storm'
        Add-BenchSource $stormUser $StormSources 'storm-'
        $r = Invoke-BenchChild 'Storm' ([ordered]@{
                ModulePath = $ModulePath; BaseUri = $BaseUri; ControlUri = $ControlUri; ApiKey = $stormUser.ApiKey
                ThrottleLimit = $StormThrottleLimit; BudgetSeconds = $StormBudgetSeconds; Runs = [Math]::Min($Runs, 3)
            })
        $c = $r.competitors
        $sequential = Get-Median $c.sequential.requests
        $throttle = Get-Median $c.throttle.requests
        Add-Row $S7 "(a) requests of ``Get-PdSource -All | Get-PdEvent``, every answer 429, MaxRetryWaitSeconds $StormBudgetSeconds" ("{0} in {1} ({2:N1}/s)" -f $sequential, (Format-Ms (Get-Median $c.sequential.ms)), (Get-Median $c.sequential.per_second))
        Add-Row $S7 "(b) requests of ``... | Get-PdEvent -ThrottleLimit $StormThrottleLimit``" ("{0} in {1} ({2:N1}/s)" -f $throttle, (Format-Ms (Get-Median $c.throttle.ms)), (Get-Median $c.throttle.per_second))
        $pass = $throttle -le $sequential + $StormThrottleLimit
        Add-Row $S7 '(b) - (a)' ($throttle - $sequential).ToString($Culture) "<= $StormThrottleLimit (the first burst)" $(if ($pass) { 'PASS' } else { 'MISS' })
        Add-Detail $S7 '(a) sequential requests' $c.sequential.requests $null { param($v) $v.ToString($Culture) }
        Add-Detail $S7 '(b) -ThrottleLimit requests' $c.throttle.requests $null { param($v) $v.ToString($Culture) }
    }

    # Last, so that the 100,000 sources are in the emulator only for this scenario.
    Invoke-Scenario $S3 {
        Write-Host "  seeding $MemoryLarge sources"
        $largeUser = New-BenchUser 'bench-memory-large'
        Add-BenchSource $largeUser $MemoryLarge 'memory-'
        $small = [System.Collections.Generic.List[double]]::new()
        $large = [System.Collections.Generic.List[double]]::new()
        $warmup = $null
        for ($round = 0; $round -le $Runs; $round++) {
            $s = Invoke-BenchChild 'Memory' ([ordered]@{ ModulePath = $ModulePath; BaseUri = $BaseUri; ApiKey = $memorySmallUser.ApiKey; Expected = $MemorySmall })
            $l = Invoke-BenchChild 'Memory' ([ordered]@{ ModulePath = $ModulePath; BaseUri = $BaseUri; ApiKey = $largeUser.ApiKey; Expected = $MemoryLarge })
            if ($round -eq 0) { $warmup = @($s.peak_rss_bytes, $l.peak_rss_bytes) } else { $small.Add($s.peak_rss_bytes); $large.Add($l.peak_rss_bytes) }
            $roundName = if ($round -eq 0) { 'warm-up' } else { "run $round/$Runs" }
            Write-Host ('  memory {0,-9} 1,000: {1} ({2})   100,000: {3} ({4})' -f $roundName, (Format-MB $s.peak_rss_bytes), (Format-Ms $s.ms), (Format-MB $l.peak_rss_bytes), (Format-Ms $l.ms))
        }
        $s = Get-Median $small
        $l = Get-Median $large
        Add-Row $S3 'peak RSS, `Get-PdSource -All` over 1,000 sources' (Format-MB $s)
        Add-Row $S3 'peak RSS, the same over 100,000 sources' (Format-MB $l)
        $diff = $l - $s
        Add-Row $S3 'difference' (Format-MB $diff) '< 30 MB' $(if ($diff -lt 30MB) { 'PASS' } else { 'MISS' })
        Add-Detail $S3 '1,000 sources' $small $warmup[0] { param($v) Format-MB $v }
        Add-Detail $S3 '100,000 sources' $large $warmup[1] { param($v) Format-MB $v }
    }
}
finally {
    try { Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/faults' } catch { }
    foreach ($name in $SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
    Remove-Item -Recurse -Force $TempDir -ErrorAction SilentlyContinue
}
$started.Stop()

# The table, in the scenarios' numbered order.
$order = @($S1, $S2, $S3, $S4, $S5, $S6, $S7)
$byScenario = { [array]::IndexOf($order, $_.Scenario) }
$sorted = @($Rows | Sort-Object $byScenario -Stable)
$escape = { param($text) ([string] $text).Replace('|', '\|') }
$table = [System.Collections.Generic.List[string]]::new()
$table.Add('| scenario | measure | median | target | result |')
$table.Add('|---|---|---|---|---|')
$previous = $null
foreach ($row in $sorted) {
    $scenario = if ($row.Scenario -ne $previous) { $row.Scenario } else { '' }
    $previous = $row.Scenario
    $table.Add("| $(& $escape $scenario) | $(& $escape $row.Measure) | $(& $escape $row.Value) | $(& $escape $row.Target) | $(& $escape $row.Result) |")
}

$repo = Split-Path -Parent $PSScriptRoot
$commit = $null
try {
    $commit = (& git -C $repo rev-parse --short HEAD 2>$null)
    if ($LASTEXITCODE -ne 0) { $commit = $null }
    elseif (& git -C $repo status --porcelain --untracked-files=no 2>$null) { $commit += ' (with uncommitted changes)' }
}
catch { $commit = $null }

$os = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
$dotnet = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
$date = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $Culture) + ' UTC'
$md = [System.Collections.Generic.List[string]]::new()
$md.Add('# PSPipedream benchmark results')
$md.Add('')
$md.Add('Written by `dotnet pwsh ./build.ps1 -Task Bench` (bench/Invoke-Bench.ps1); see README.md, Performance.')
$md.Add('')
$md.Add("- date: $date")
$md.Add("- machine: $([Environment]::ProcessorCount) logical cores, $os")
$md.Add("- pwsh: $($PSVersionTable.PSVersion), every measured process started as ``$((@($PwshCommand | ForEach-Object { Split-Path -Leaf $_ }) + '-NoProfile') -join ' ')``")
$md.Add("- .NET runtime: $dotnet")
if ($commit) { $md.Add("- commit: $commit") }
$md.Add("- runs: medians of $Runs counted runs (import: $ImportRuns) after two warm-up runs (import, early stop and memory: one), competitors interleaved; the whole run took $([math]::Round($started.Elapsed.TotalSeconds)) s")
$md.Add('')
$md.AddRange($table)
$md.Add('')
$md.Add('## Counted runs')
$md.Add('')
$md.Add('Every counted value, in run order, and the warm-up value that was left out. 1 MB = 1,048,576 bytes.')
$md.Add('')
foreach ($detail in @($Details | Sort-Object $byScenario -Stable)) { $md.Add($detail.Line) }
$md.Add('')
$md.Add('Time per scenario, seeding included: ' + ((@($Timings.Keys | Sort-Object { [array]::IndexOf($order, $_) }) | ForEach-Object { "$_ $([math]::Round($Timings[$_])) s" }) -join '; ') + '.')

Write-Host ''
$table | ForEach-Object { Write-Host $_ }
Write-Host ''
Set-Content -Path $OutFile -Value ($md -join "`n") -Encoding utf8
Write-Host "Results written to $OutFile ($([math]::Round($started.Elapsed.TotalSeconds)) s)."

if ($Failures.Count -gt 0) {
    throw "$($Failures.Count) scenario(s) failed: $($Failures -join ' / ')"
}
