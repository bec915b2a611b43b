# The driver's side of a benchmark run, for bench/Invoke-Bench.ps1 and the scenarios' report parts:
# the run's settings, the users and sources given to the emulator, the child processes that measure,
# and the rows and details of the results table, which it writes to bench/results.md.

Import-Module (Join-Path $PSScriptRoot '../build/Process.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchTargets.psm1')
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')

$script:Culture = [cultureinfo]::InvariantCulture
$script:Run = $null
$script:NoThrottle = 'n/a (no -ThrottleLimit)'

# The children's environment: no telemetry or update check (they would go beyond loopback), and no
# PIPEDREAM_* settings of the user's own (a default org would change what the lists hold).
$script:ChildEnvironment = [ordered]@{
    POWERSHELL_TELEMETRY_OPTOUT = '1'
    POWERSHELL_UPDATECHECK      = 'Off'
    PIPEDREAM_API_KEY           = $null
    PIPEDREAM_BASE_URL          = $null
    PIPEDREAM_ORG_ID            = $null
}

function Start-BenchRun {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [uri] $BaseUri,
        [Parameter(Mandatory)] [uri] $ControlUri,
        [int] $Runs, [int] $ImportRuns, [int] $EmulatorProcessId
    )
    Assert-BenchLoopback $BaseUri
    Assert-BenchLoopback $ControlUri
    $saved = @{}
    foreach ($name in $script:ChildEnvironment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $script:ChildEnvironment[$name])
    }
    $script:Run = [pscustomobject]@{
        ModulePath        = (Resolve-Path $ModulePath).Path
        BaseUri           = $BaseUri
        ControlUri        = $ControlUri
        Runs              = $Runs
        ImportRuns        = $ImportRuns
        EmulatorProcessId = $EmulatorProcessId
        TempDir           = Join-Path ([IO.Path]::GetTempPath()) ('pspd-bench-' + [guid]::NewGuid().ToString('N'))
        Scenarios         = @(Get-BenchScenario)
        Scenario          = $null
        Users             = @{}
        Rows              = [System.Collections.Generic.List[object]]::new()
        Details           = [System.Collections.Generic.List[object]]::new()
        Failures          = [System.Collections.Generic.List[string]]::new()
        Timings           = [ordered]@{}
        SavedEnvironment  = $saved
        Clock             = [Diagnostics.Stopwatch]::StartNew()
    }
    $null = New-Item -ItemType Directory -Path $script:Run.TempDir
    $script:Run
}

function Stop-BenchRun {
    $run = $script:Run
    $run.Clock.Stop()
    try { Invoke-BenchControl -Root $run.ControlUri -Method DELETE -Path '/_emulator/faults' } catch { }
    foreach ($name in $run.SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $run.SavedEnvironment[$name]) }
    Remove-Item -Recurse -Force $run.TempDir -ErrorAction SilentlyContinue
}

# The run's settings, for the scenarios: ModulePath, BaseUri, ControlUri, Runs, ImportRuns, EmulatorProcessId, TempDir.
function Get-BenchRun { $script:Run }

# Runs a scenario's report (the caller's $Body, which runs bench/scenarios/<Name>.ps1 -Report) with
# its rows going to that scenario; a failure is recorded as a row and in the failures, and the other
# scenarios go on. The caller runs the script: run from inside this module, it would become the
# `$script:` scope of every function here that it calls.
function Invoke-BenchScenario([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [scriptblock] $Body) {
    $run = $script:Run
    $run.Scenario = $run.Scenarios | Where-Object Name -eq $Name
    if (-not $run.Scenario) { throw "bench/targets.psd1 has no scenario '$Name'." }
    $title = $run.Scenario.Title
    Write-Host "==> $title" -ForegroundColor Cyan
    $sw = [Diagnostics.Stopwatch]::StartNew()
    try {
        & $Body
    }
    catch {
        $run.Failures.Add("${title}: $($_.Exception.Message)")
        Add-Row 'ERROR' $_.Exception.Message '' 'ERROR'
        Write-Host "FAILED: $($_.Exception.Message)" -ForegroundColor Red
    }
    $sw.Stop()
    $run.Timings[$title] = $sw.Elapsed.TotalSeconds
}

# A user of the emulator's own with -Sources seeded sources, made on first use: scenarios that ask for
# the same name share it (the early stop lists the list scenario's 10,000 sources).
function Use-BenchUser([Parameter(Mandatory)] [string] $Name, [int] $Sources = 0, [string] $Prefix = 'bench-') {
    $users = $script:Run.Users
    if ($users.ContainsKey($Name)) { return $users[$Name] }
    $key = New-EmulatorKey
    $root = $script:Run.ControlUri
    $user = Invoke-BenchControl -Root $root -Method POST -Path '/_emulator/users' -Body @{ username = $Name; api_key = $key }
    if ($Sources -gt 0) {
        Write-Host "  seeding $($Sources.ToString('N0', $script:Culture)) sources for $Name"
        $null = Invoke-BenchControl -Root $root -Method POST -Path '/_emulator/seed' -Body @{ count = $Sources; owner_id = $user.id; name_prefix = $Prefix }
    }
    $users[$Name] = [pscustomobject]@{ Id = $user.id; ApiKey = $key; Name = $Name }
    $users[$Name]
}

# Runs the current scenario's measurement in a child pwsh (-NoProfile -NonInteractive): its script
# with -Settings, a file holding $Setting plus ModulePath, BaseUri, ControlUri and ResultPath.
# Returns what the measurement wrote.
function Invoke-BenchChild([System.Collections.IDictionary] $Setting = @{}) {
    $run = $script:Run
    $name = $run.Scenario.Name
    $stamp = "$name-" + [guid]::NewGuid().ToString('N')
    $all = [ordered]@{ ModulePath = $run.ModulePath; BaseUri = $run.BaseUri.AbsoluteUri; ControlUri = $run.ControlUri.AbsoluteUri }
    foreach ($key in $Setting.Keys) { $all[$key] = $Setting[$key] }
    $all.ResultPath = Join-Path $run.TempDir "$stamp.json"
    $settingsFile = Join-Path $run.TempDir "$stamp.settings.json"
    $all | ConvertTo-Json -Depth 5 | Set-Content -Path $settingsFile -Encoding utf8
    Invoke-Pwsh @('-File', (Join-Path $PSScriptRoot "scenarios/$name.ps1"), '-Settings', $settingsFile)
    if (-not (Test-Path $all.ResultPath)) { throw "bench/scenarios/$name.ps1 wrote no result." }
    Get-Content -Raw $all.ResultPath | ConvertFrom-Json
}

# Starts a pwsh with these arguments, waits for it to end and returns its wall time in ms.
# pwsh records the methods its start-up compiles (StartupProfileData-NonInteractive, in its cache
# folder) and has them compiled ahead on the next start, whatever that start then does. So that
# one kind of start does not profit from, or pay for, another kind's record, each kind (-Kind)
# gets a cache folder of its own, as a user who always starts pwsh the same way would have.
function Measure-PwshProcess([string[]] $Arguments, [Parameter(Mandatory)] [string] $Kind) {
    $psi = New-PwshStartInfo -ArgumentList $Arguments -AsGiven -RedirectOutput
    $cache = Join-Path $script:Run.TempDir "pwsh-cache-$Kind"
    $psi.Environment['XDG_CACHE_HOME'] = $cache
    $psi.Environment['LOCALAPPDATA'] = $cache
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $child = [System.Diagnostics.Process]::Start($psi)
    $stdout = $child.StandardOutput.ReadToEndAsync()
    $stderr = $child.StandardError.ReadToEndAsync()
    $child.WaitForExit()
    $sw.Stop()
    if ($child.ExitCode -ne 0) { throw "pwsh $($Arguments -join ' ') failed (exit code $($child.ExitCode)): $($stderr.Result)$($stdout.Result)" }
    $sw.Elapsed.TotalMilliseconds
}

function Format-Ms([double] $Ms) {
    if ($Ms -ge 100) { return $Ms.ToString('N0', $script:Culture) + ' ms' }
    return $Ms.ToString('N1', $script:Culture) + ' ms'
}

function Format-MB([double] $Bytes) { ($Bytes / 1MB).ToString('N1', $script:Culture) + ' MB' }

function Format-Count([double] $Value) { $Value.ToString($script:Culture) }

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n -eq 0) { throw 'No values to take the median of.' }
    if ($n % 2 -eq 1) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

# A row of the current scenario.
function Add-Row([string] $Measure, [string] $Value, [string] $Target = '', [string] $Result = '') {
    $script:Run.Rows.Add([pscustomobject]@{ Scenario = $script:Run.Scenario.Title; Measure = $Measure; Value = $Value; Target = $Target; Result = $Result })
}

# A row judged by one of the current scenario's targets (bench/targets.psd1), by name: PASS when
# every one of -Actual meets it, MISS when not, n/a without -Actual. The measure is the target's
# name unless -Measure says otherwise.
function Add-TargetRow {
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $Value, [double[]] $Actual, [string] $Measure)
    $entry = $script:Run.Scenario.Targets | Where-Object { $_.Name -eq $Target }
    if (-not $entry) { throw "bench/targets.psd1 has no target '$Target' for $($script:Run.Scenario.Name)." }
    $result = if (-not $PSBoundParameters.ContainsKey('Actual')) { 'n/a' } elseif (Test-BenchTarget $entry $Actual) { 'PASS' } else { 'MISS' }
    Add-Row $(if ($Measure) { $Measure } else { $Target }) $Value (Format-BenchTarget $entry) $result
}

# The row of a competitor's median time, and the detail line of its counted and warm-up times;
# returns the median. A competitor that needs a -ThrottleLimit the cmdlet does not have ($null)
# gets an n/a row, and $null back.
function Add-TimeRow([string] $Measure, $Competitor, [string] $Detail) {
    if ($null -eq $Competitor) {
        Add-Row $Measure $script:NoThrottle
        return $null
    }
    $median = Get-Median $Competitor.ms
    Add-Row $Measure (Format-Ms $median)
    Add-Detail $Detail $Competitor.ms $Competitor.warmup_ms
    $median
}

# A ratio row, judged by the target of that name; n/a when there is no denominator (a measurement
# that needs a -ThrottleLimit the cmdlet does not have).
function Add-RatioRow([string] $Target, [double] $Numerator, $Denominator) {
    if ($null -eq $Denominator) { return Add-TargetRow -Target $Target -Value $script:NoThrottle }
    $ratio = $Numerator / $Denominator
    Add-TargetRow -Target $Target -Value ($ratio.ToString('N2', $script:Culture) + 'x') -Actual $ratio
}

# The limit of one of the current scenario's targets.
function Get-TargetLimit([Parameter(Mandatory)] [string] $Target) {
    ($script:Run.Scenario.Targets | Where-Object { $_.Name -eq $Target }).Limit
}

# A detail line of the current scenario: every counted value of a series (and the warm-up's), for
# judging the noise; or, with -Line, a line of its own.
function Add-Detail {
    param([string] $Name, [double[]] $Values, $Warmup, [scriptblock] $Format = { param($v) Format-Ms $v }, [string] $Line)
    $text = "- $($script:Run.Scenario.Title), "
    if ($Line) { $text += $Line }
    else {
        $text += "${Name}: " + (($Values | ForEach-Object { & $Format $_ }) -join ', ')
        if ($null -ne $Warmup) { $text += ' (warm-up ' + (& $Format $Warmup) + ')' }
    }
    $script:Run.Details.Add([pscustomobject]@{ Scenario = $script:Run.Scenario.Title; Line = $text })
}

# The results table, in the scenarios' numbered order, printed and written to -OutFile with the
# machine, the versions, the date, the commit and every counted value.
function Write-BenchReport([Parameter(Mandatory)] [string] $OutFile) {
    $run = $script:Run
    $order = @($run.Scenarios | ForEach-Object Title)
    $byScenario = { [array]::IndexOf($order, $_.Scenario) }
    $sorted = @($run.Rows | Sort-Object $byScenario -Stable)
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

    $seconds = [math]::Round($run.Clock.Elapsed.TotalSeconds)
    $os = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
    $dotnet = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    $date = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $script:Culture) + ' UTC'
    $started = (@(Get-PwshCommand | ForEach-Object { Split-Path -Leaf $_ }) + '-NoProfile') -join ' '
    $md = [System.Collections.Generic.List[string]]::new()
    $md.Add('# PSPipedream benchmark results')
    $md.Add('')
    $md.Add('Written by `dotnet pwsh ./build.ps1 -Task Bench` (bench/Invoke-Bench.ps1); see README.md, Performance.')
    $md.Add('')
    $md.Add("- date: $date")
    $md.Add("- machine: $([Environment]::ProcessorCount) logical cores, $os")
    $md.Add("- pwsh: $($PSVersionTable.PSVersion), every measured process started as ``$started``")
    $md.Add("- .NET runtime: $dotnet")
    if ($commit) { $md.Add("- commit: $commit") }
    $md.Add("- runs: medians of $($run.Runs) counted runs (import: $($run.ImportRuns)) after two warm-up runs (import, early stop and memory: one), competitors interleaved; the whole run took $seconds s")
    $md.Add('')
    $md.AddRange($table)
    $md.Add('')
    $md.Add('## Counted runs')
    $md.Add('')
    $md.Add('Every counted value, in run order, and the warm-up value that was left out. 1 MB = 1,048,576 bytes.')
    $md.Add('')
    foreach ($detail in @($run.Details | Sort-Object $byScenario -Stable)) { $md.Add($detail.Line) }
    $md.Add('')
    $timings = @($run.Timings.Keys | Sort-Object { [array]::IndexOf($order, $_) }) | ForEach-Object { "$_ $([math]::Round($run.Timings[$_])) s" }
    $md.Add('Time per scenario, seeding included: ' + ($timings -join '; ') + '.')

    Write-Host ''
    $table | ForEach-Object { Write-Host $_ }
    Write-Host ''
    Set-Content -Path $OutFile -Value ($md -join "`n") -Encoding utf8
    Write-Host "Results written to $OutFile ($seconds s)."
}

Export-ModuleMember -Function Start-BenchRun, Stop-BenchRun, Get-BenchRun, Invoke-BenchScenario, Use-BenchUser, Invoke-BenchChild,
    Measure-PwshProcess, Format-Ms, Format-MB, Format-Count, Get-Median, Add-Row, Add-TargetRow, Add-TimeRow, Add-RatioRow, Get-TargetLimit,
    Add-Detail, Write-BenchReport
