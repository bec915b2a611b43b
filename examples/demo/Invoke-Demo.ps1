#Requires -Version 7.2

<#
.SYNOPSIS
    Runs the example scripts against a PSPipedream emulator filled with sample data.

.DESCRIPTION
    This is what `build.ps1 -Task Demo` runs, in a child pwsh, once it has started the emulator.
    It connects from $env:PIPEDREAM_API_KEY and $env:PIPEDREAM_BASE_URL (as a CI job would),
    seeds the emulator with sources, events, workflows, subscriptions and a webhook, and runs
    each script in examples/ with formatted output: the scripts that change something first
    with -WhatIf, then for real, followed by what changed. A webhook delivery goes to a small
    HTTP listener on 127.0.0.1 that this script runs itself.

    Any failing step is reported by name and makes the exit code 1; the listener and the
    temporary folder are removed however the script ends, Ctrl+C included.

.PARAMETER ModulePath
    The PSPipedream manifest to import (out/PSPipedream/PSPipedream.psd1).

.PARAMETER ControlUri
    The emulator's root, where its control API (/_emulator) lives.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [uri] $ControlUri
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$examples = Split-Path -Parent $PSScriptRoot
. (Join-Path $PSScriptRoot 'DemoSupport.ps1')

$failures = [System.Collections.Generic.List[string]]::new()
$finished = $false
$listener = $null
$tempDir = Join-Path ([IO.Path]::GetTempPath()) ('pspd-demo-' + [guid]::NewGuid().ToString('N'))

# Runs one part of the demo under a heading; a failure is reported and counted, and the demo goes on.
# Output is laid out as wide as the console (see Get-DemoWidth), without the blank lines around
# tables; Write-DemoNote separates the parts.
function Invoke-DemoStep([string] $Title, [scriptblock] $Action) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
    try {
        & $Action | Out-String -Stream -Width (Get-DemoWidth) | Where-Object { $_.Trim() } | Write-Host
    }
    catch {
        $failures.Add($Title)
        Write-Host "FAILED: $($_.Exception.Message)" -ForegroundColor Red
        Write-Host $_.InvocationInfo.PositionMessage -ForegroundColor Red
    }
}

function Write-DemoNote([string] $Text) {
    Write-Host ''
    Write-Host $Text
}

try {
    Import-Module $ModulePath
    $null = New-Item -ItemType Directory -Path $tempDir
    $listener = Start-DemoListener

    Invoke-DemoStep 'Connecting from $env:PIPEDREAM_API_KEY and seeding the emulator' {
        Connect-PdAccount
        Get-PdContext | Format-DemoTable Username, UserId, BaseUri, KeySource, ApiKeyHint
        $script:seed = Initialize-DemoData -ControlUri $ControlUri -WebhookUrl $listener.Url
        # Item and Count take about 23 columns; the detail is broken at spaces into what is left.
        $detailWidth = [math]::Max(30, (Get-DemoWidth) - 24)
        $seed.Summary | Format-DemoTable Item, Count, @{ Name = 'Detail'; Expression = { Split-DemoText $_.Detail $detailWidth }.GetNewClosure() } -Wrap
        Write-DemoNote ('Events of {0}, newest first; the first is over 1 KB, so the API truncates it:' -f $seed.LargeEventSource)
        Get-PdEvent -SourceId $seed.LargeEventSourceId -First 3 | Format-DemoTable Id, IsTruncated, @{ Name = 'Event'; Expression = { $e = if ($_.Event -is [string]) { $_.Event } else { $_.Event | ConvertTo-Json -Compress -Depth 5 }; $e.Substring(0, [math]::Min(70, $e.Length)) + '...' } }
        Write-DemoNote ('Webhook deliveries received by the listener on {0}:' -f $listener.Url)
        $listener.Received.ToArray() | Format-DemoTable Method, Path, EmitterId, EventId, @{ Name = 'Code'; Expression = { $_.Body.error.code } }
    }

    if ($failures.Count -gt 0) {
        Write-Host 'The examples were not run: they need the seeded data.' -ForegroundColor Red
    }
    else {
        Invoke-DemoStep '1/6 Export-PdSourceInventory.ps1: every source to CSV, with flat columns' {
            $csv = Join-Path $tempDir 'sources.csv'
            & (Join-Path $examples 'Export-PdSourceInventory.ps1') -Path $csv
            $rows = @(Import-Csv -Path $csv)
            Write-DemoNote ('{0} rows in sources.csv; columns: {1}' -f $rows.Count, ($rows[0].PSObject.Properties.Name -join ', '))
            $rows | Group-Object ComponentKey | Sort-Object Count -Descending | Format-DemoTable @{ Name = 'ComponentKey'; Expression = 'Name' }, Count
            Write-DemoNote 'The sources other than http-intake-*:'
            $rows | Where-Object ComponentKey -ne 'http-new-requests' | Format-DemoTable Id, Name, Active, ComponentKey, RecentEvents, LastEventAt -AutoSize
        }

        Invoke-DemoStep '2/6 Disable-PdIdleSource.ps1: turn off sources with no event for 30 days' {
            $example = Join-Path $examples 'Disable-PdIdleSource.ps1'
            Write-DemoNote 'With -WhatIf:'
            & $example -Days 30 -WhatIf | Format-DemoTable Id, Name, LastEventAt, IdleDays, Disabled
            $before = @(Get-PdSource -All | Where-Object Active).Count
            Write-DemoNote 'For real:'
            $disabled = @(& $example -Days 30 | Where-Object Disabled)
            Write-DemoNote ('Disabled {0} sources; active sources: {1} before, {2} after.' -f $disabled.Count, $before, @(Get-PdSource -All | Where-Object Active).Count)
        }

        Invoke-DemoStep "3/6 Connect-PdRssToWorkflow.ps1: fan every RSS source into $($seed.FeedWorkflowId)" {
            $example = Join-Path $examples 'Connect-PdRssToWorkflow.ps1'
            Write-DemoNote 'With -WhatIf:'
            & $example -WorkflowId $seed.FeedWorkflowId -WhatIf | Format-DemoTable SourceId, Name, SubscriptionId, Status
            Write-DemoNote 'For real:'
            & $example -WorkflowId $seed.FeedWorkflowId | Format-DemoTable SourceId, Name, SubscriptionId, Status
            Write-DemoNote 'Once more (nothing left to do):'
            & $example -WorkflowId $seed.FeedWorkflowId | Group-Object Status | Format-DemoTable @{ Name = 'Status'; Expression = 'Name' }, Count
            Write-DemoNote "Subscriptions that deliver to $($seed.FeedWorkflowId):"
            Get-PdSubscription -ListenerId $seed.FeedWorkflowId | Format-DemoTable Id, EmitterId, ListenerId, EventName
        }

        Invoke-DemoStep "4/6 Remove-PdOldEvent.ps1: delete events from before $($seed.Cutoff.ToString('u'))" {
            $example = Join-Path $examples 'Remove-PdOldEvent.ps1'
            $counts = { Get-PdSource -All | ForEach-Object { [long] (Get-PdEvent -SourceId $_.Id -IncludeTotalCount -First 0 | Select-Object -First 1) } | Measure-Object -Sum | ForEach-Object { [long] $_.Sum } }
            $before = & $counts
            Write-DemoNote "With -WhatIf, for the RSS sources (-Name 'rss-*'):"
            & $example -Before $seed.Cutoff -Name 'rss-*' -WhatIf | Format-DemoTable SourceId, Name, Events, OldestId, NewestId
            Write-DemoNote 'For real, for every source (-Force, as a scheduled job would run it):'
            $removed = @(& $example -Before $seed.Cutoff -Force)
            $removed | Format-DemoTable SourceId, Name, Events, OldestId, NewestId
            Write-DemoNote ('Events held: {0} before, {1} after ({2} deleted from {3} sources).' -f $before, (& $counts), ($removed | Measure-Object Events -Sum).Sum, $removed.Count)
        }

        Invoke-DemoStep "5/6 Watch-PdWorkflowError.ps1: the recent errors of $($seed.OrderWorkflowId) and $($seed.FeedWorkflowId)" {
            & (Join-Path $examples 'Watch-PdWorkflowError.ps1') -WorkflowId $seed.OrderWorkflowId, $seed.FeedWorkflowId |
                Format-DemoTable Time, WorkflowId, Code, Step, Message -AutoSize
        }

        Invoke-DemoStep '6/6 Backup-PdAccount.ps1: a dated backup, a change, the drift, and back again' {
            $backups = Join-Path $tempDir 'backups'
            $file = & (Join-Path $examples 'Backup-PdAccount.ps1') -Path $backups -Keep 3
            Write-DemoNote ('Backed up to {0} ({1:N0} bytes): {2}' -f $file.Name, $file.Length, (Show-DemoBackup $file.FullName))
            $source = Get-PdSource -All | Where-Object Active | Sort-Object Name | Select-Object -First 1
            Write-DemoNote "Someone disables $($source.Name) by hand; Compare-PdConfiguration shows the drift:"
            $null = Disable-PdSource -Id $source.Id
            $drift = @(Compare-PdConfiguration -Path $file.FullName)
            $drift | Format-DemoTable Action, Kind, Name, Id
            $drift.Changes | Format-DemoTable Property, Live, Wanted
            if (Get-Command Import-PdConfiguration -ErrorAction SilentlyContinue) {
                Write-DemoNote 'Restoring it from the backup with Import-PdConfiguration:'
                Import-PdConfiguration -Path $file.FullName -Confirm:$false | Format-DemoTable Action, Kind, Name, Result
            }
            else {
                Write-DemoNote "Import-PdConfiguration is not in this build, so the source is re-enabled by hand (Enable-PdSource):"
                $null = Enable-PdSource -Id $source.Id
            }
            $left = @(Compare-PdConfiguration -Path $file.FullName)
            Write-DemoNote ('Differences from the backup now: {0}; Test-PdConfiguration: {1}.' -f $left.Count, (Test-PdConfiguration -Path $file.FullName))
            if ($left.Count -ne 0) { throw "The account still differs from the backup: $($left -join '; ')" }
        }
    }
    $finished = $true
}
catch {
    $finished = $true
    $failures.Add('Demo')
    Write-Host "FAILED: $($_.Exception.Message)" -ForegroundColor Red
}
finally {
    # Only .NET calls here: after Ctrl+C, PowerShell runs no more cmdlets.
    if ($listener) { Stop-DemoListener $listener }
    if ([IO.Directory]::Exists($tempDir)) { [IO.Directory]::Delete($tempDir, $true) }
    if (-not $finished) {
        # Interrupted; an advanced script's `exit` would end the process with 0 here.
        [Console]::Error.WriteLine('Demo interrupted.')
        [Environment]::Exit(1)
    }
}

Write-Host ''
if ($failures.Count -gt 0) {
    Write-Host "Demo failed: $($failures.Count) step(s) failed: $($failures -join '; ')" -ForegroundColor Red
    exit 1
}
Write-Host 'Demo finished: all six examples ran.' -ForegroundColor Green
exit 0
