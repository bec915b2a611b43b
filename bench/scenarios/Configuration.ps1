#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 8: an account as code, exported, compared and imported into an empty user.

.DESCRIPTION
    export   Export-PdConfiguration -Path <file>, of a user with 200 sources, 10 webhooks and
             300 subscriptions (every source to one webhook, half of them to a second one)
    compare  Compare-PdConfiguration -Path <file> against the same user: must write 0 changes
    import   Import-PdConfiguration -Path <file> into a user of its own that holds nothing, with
             the default -ThrottleLimit (writes in flight within each stage)

    The webhooks and subscriptions are made (untimed) in the child with the module before the
    first round. Each import gets a fresh empty user (the driver makes one per run, warm-up
    included); after it, that user must hold 200 sources, 10 webhooks and 300 subscriptions.

    With -Report (the driver, bench/BenchRun.psm1), it runs the measurement in a child pwsh and
    writes the rows; with -Settings, it is that measurement.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

# One warm-up round: each round's import needs an empty user, and the seeding is the slow part.
$warmups = 1

if ($Report) {
    $sources = 200
    $webhooks = 10
    $subscriptions = 300
    $run = Get-BenchRun
    $runs = [math]::Min($run.Runs, 3)
    $user = Use-BenchUser 'bench-config' -Sources $sources -Prefix 'config-'
    $targets = @(1..($runs + $warmups) | ForEach-Object { (Use-BenchUser "bench-config-into-$_").ApiKey })
    $r = Invoke-BenchChild @{
        ApiKey = $user.ApiKey; TargetKeys = $targets; Sources = $sources; Webhooks = $webhooks; Subscriptions = $subscriptions
        Runs = $runs; TempDir = $run.TempDir
    }
    $c = $r.competitors
    $export = Add-TimeRow "``Export-PdConfiguration`` of $sources sources, $webhooks webhooks, $subscriptions subscriptions" $c.export 'export'
    $compare = Add-TimeRow '`Compare-PdConfiguration` of that file (0 changes)' $c.compare 'compare'
    $import = Add-TimeRow "``Import-PdConfiguration`` of it into an empty user (``-ThrottleLimit $($r.throttle_limit)``)" $c.import 'import'
    $totals = @(for ($i = 0; $i -lt $c.export.ms.Count; $i++) { $c.export.ms[$i] + $c.compare.ms[$i] + $c.import.ms[$i] })
    $total = Get-Median $totals
    Add-TargetRow -Target 'total' -Value (Format-Ms $total) -Actual $total -Measure 'total (export + compare + import)'
    Add-Detail 'total' $totals
    return
}

$s = Start-BenchMeasurement $Settings
$conn = $s.Connection
$file = Join-Path $s.TempDir ('config-' + [guid]::NewGuid().ToString('N') + '.json')
$throttleDefault = [PSPipedream.Cmdlets.ImportPdConfigurationCommand]::new().ThrottleLimit

# The webhooks and subscriptions, untimed: every source to webhook i mod 10, the first half also to the next one.
$sources = @(Get-PdSource -All -Connection $conn | Sort-Object Name)
if ($sources.Count -ne $s.Sources) { throw "configuration: the user has $($sources.Count) sources, not $($s.Sources)." }
$hooks = @(1..$s.Webhooks | ForEach-Object { New-PdWebhook -Url "https://hooks.example.com/config-$_" -Name "config-hook-$_" -Connection $conn })
$pairs = for ($i = 0; $i -lt $sources.Count; $i++) {
    [pscustomobject]@{ EmitterId = $sources[$i].Id; ListenerId = $hooks[$i % $hooks.Count].Id }
    if ($i -lt $s.Subscriptions - $sources.Count) {
        [pscustomobject]@{ EmitterId = $sources[$i].Id; ListenerId = $hooks[($i + 1) % $hooks.Count].Id }
    }
}
$null = $pairs | New-PdSubscription -ThrottleLimit 8 -Connection $conn
$made = @(Get-PdSubscription -All -Connection $conn).Count
if ($made -ne $s.Subscriptions) { throw "configuration: the user has $made subscriptions, not $($s.Subscriptions)." }

$script:target = $null
$script:nextTarget = 0
$competitors = [ordered]@{}
$competitors.export = { Export-PdConfiguration -Path $file -Connection $conn }
$competitors.compare = { Compare-PdConfiguration -Path $file -Connection $conn | Measure-Object }
$competitors.import = { Import-PdConfiguration -Path $file -Connection $script:target -Confirm:$false | Measure-Object }

$beforeEach = {
    param($name)
    if ($name -eq 'export') { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    if ($name -eq 'import') {
        $key = $s.TargetKeys[$script:nextTarget++]
        $script:target = Connect-PdAccount -BaseUri $s.BaseUri -ApiKey $key -PassThru
        $held = @(Get-PdSource -All -Connection $script:target).Count + @(Get-PdWebhook -All -Connection $script:target).Count
        if ($held -ne 0) { throw "configuration: the user to import into holds $held items, not 0." }
    }
}
$afterEach = {
    param($name, $measured)
    switch ($name) {
        'export' {
            if (-not (Test-Path -LiteralPath $file)) { throw 'configuration: export wrote no file.' }
            (Get-Item -LiteralPath $file).Length
        }
        'compare' {
            if ($measured.Count -ne 0) {
                $some = Compare-PdConfiguration -Path $file -Connection $conn | Select-Object -First 3 | Out-String
                throw "configuration: compare found $($measured.Count) changes, not 0: $($some.Trim())"
            }
            0
        }
        'import' {
            $got = [ordered]@{
                sources       = @(Get-PdSource -All -Connection $script:target).Count
                webhooks      = @(Get-PdWebhook -All -Connection $script:target).Count
                subscriptions = @(Get-PdSubscription -All -Connection $script:target).Count
            }
            if ($got.sources -ne $s.Sources -or $got.webhooks -ne $s.Webhooks -or $got.subscriptions -ne $s.Subscriptions) {
                throw "configuration: the imported user holds $($got.sources) sources, $($got.webhooks) webhooks and $($got.subscriptions) subscriptions, not $($s.Sources), $($s.Webhooks) and $($s.Subscriptions)."
            }
            $got
        }
    }
}

$results = Invoke-BenchRounds -Competitors $competitors -Runs $s.Runs -Expected -1 -BeforeEach $beforeEach -AfterEach $afterEach -Label 'config' -Warmups $warmups
Write-BenchResult $s.ResultPath ([ordered]@{
        sources        = $s.Sources
        webhooks       = $s.Webhooks
        subscriptions  = $s.Subscriptions
        throttle_limit = $throttleDefault
        competitors    = $results
    })
