#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Turns off the event sources that have emitted nothing for a number of days.

.DESCRIPTION
    Looks at every active event source of your account (or of an org) and disables, with
    Disable-PdSource, each one whose newest event is older than -Days days. A source with no
    events at all counts as idle too when it was created more than -Days days ago: Pipedream
    keeps only a source's recent events, so one that stopped long ago shows none, while a
    source created within the period is given its time. Disabled sources keep their events and
    settings, and Enable-PdSource turns them back on.

    It writes one object per idle source: Id, Name, LastEventAt (UTC, empty when the source
    has no events), IdleDays (days since its newest event, or since it was created when it has
    none) and Disabled (whether it was turned off; false with -WhatIf or when you decline the
    confirmation).

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own. It reads each source's newest event (one request per active source)
    and sends one PUT per source it disables. With -WhatIf it lists the sources that would
    be disabled and changes nothing.

.PARAMETER Days
    How many days without an event make a source idle, 1 to 3650. Default 30.

.PARAMETER OrgId
    Look at the sources of this org (o_...) instead of your own. Without it the connection's
    default org is used, if it has one.

.PARAMETER Exclude
    Names or ids of sources never to disable; wildcards allowed, such as 'prod-*'.

.EXAMPLE
    ./Disable-PdIdleSource.ps1 -Days 90 -WhatIf

    Lists the active sources that have emitted nothing for 90 days, and changes nothing.

.EXAMPLE
    ./Disable-PdIdleSource.ps1 -Days 30 -Exclude 'prod-*' | Where-Object Disabled

    Disables the sources idle for 30 days, except those whose names start with prod-, and
    shows the ones it turned off.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateRange(1, 3650)]
    [int] $Days = 30,

    [ValidatePattern('^o_[A-Za-z0-9_-]+$')]
    [string] $OrgId,

    [ValidateNotNullOrEmpty()]
    [string[]] $Exclude = @()
)

Set-StrictMode -Version 3.0

# -WhatIf and -Confirm, as given, for the module's cmdlet that makes the change.
$shouldProcess = @{}
foreach ($name in 'WhatIf', 'Confirm') {
    if ($PSBoundParameters.ContainsKey($name)) { $shouldProcess[$name] = $PSBoundParameters[$name] }
}

$now = [DateTime]::UtcNow
$cutoff = $now.AddDays(-$Days)
$listParams = @{ All = $true }
if ($OrgId) { $listParams.OrgId = $OrgId }

$sources = Get-PdSource @listParams | Where-Object {
    $candidate = $_
    $candidate.Active -and -not ($Exclude | Where-Object { $candidate.Name -like $_ -or $candidate.Id -like $_ })
}

foreach ($source in $sources) {
    # Events are listed newest first.
    $newest = Get-PdEvent -SourceId $source.Id -First 1
    # Idle since its newest event, or since it was created when it has none.
    $since = if ($newest) { $newest.IndexedAt } else { $source.CreatedAt }
    if ($since -ge $cutoff) { continue }

    $disabled = Disable-PdSource -Id $source.Id -PassThru @shouldProcess
    [pscustomobject]@{
        Id          = $source.Id
        Name        = $source.Name
        LastEventAt = if ($newest) { $newest.IndexedAt } else { $null }
        IdleDays    = [int] [math]::Floor(($now - $since).TotalDays)
        Disabled    = [bool] ($disabled -and -not $disabled.Active)
    }
}
