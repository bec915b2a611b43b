#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Deletes the events older than a date from every event source, or from the ones you name.

.DESCRIPTION
    For each source, lists the events the API holds (Get-PdEvent -All), finds the newest one
    from before -Before, and deletes it and every older event with one request:
    Remove-PdEvent -EndId <that event>. Newer events are kept. Event ids are
    <milliseconds>-<sequence> and ordered by time, so the range is exactly the old events.

    Without -SourceId or -Name it works on every source of your account (or of -OrgId). It
    writes one object per source that had old events: SourceId, Name, Events (how many are
    older than -Before), OldestId and NewestId: the range deleted, or with -WhatIf (or when
    you decline) the range that would be. The API deletes asynchronously, so Get-PdEvent
    right afterwards may still list some of them.

    Like Remove-PdEvent, it asks for confirmation before each source's deletion; -Force
    deletes without asking and -WhatIf shows the ranges and deletes nothing.

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own.

.PARAMETER Before
    Delete events that arrived before this time. A time without a zone is local time.

.PARAMETER SourceId
    Only these sources (dc_...). Binds the Id or SourceId of piped objects, so sources from
    Get-PdSource can be piped in.

.PARAMETER Name
    Only the sources with these names; wildcards allowed, such as 'test-*'.

.PARAMETER OrgId
    Work with the sources of this org (o_...) instead of your own. Without it the
    connection's default org is used, if it has one.

.PARAMETER Force
    Delete without asking for confirmation (unless -Confirm is also given).

.EXAMPLE
    ./Remove-PdOldEvent.ps1 -Before (Get-Date).AddDays(-30) -WhatIf

    Shows, for every source, the range of events older than 30 days that would be deleted,
    and deletes nothing.

.EXAMPLE
    ./Remove-PdOldEvent.ps1 -Before '2026-01-01' -Name 'rss-*' -Force

    Deletes, without asking, every event from before 1 January 2026 (local time) of the
    sources whose names start with rss-.

.EXAMPLE
    Get-PdSource -Name 'test-*' | ./Remove-PdOldEvent.ps1 -Before (Get-Date).AddHours(-1) -Confirm

    Asks before deleting each test source's events older than an hour.
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'All')]
param(
    [Parameter(Mandatory, Position = 0)]
    [datetime] $Before,

    [Parameter(Mandatory, ParameterSetName = 'Id', ValueFromPipelineByPropertyName)]
    [Alias('Id')]
    [ValidatePattern('^dc_[A-Za-z0-9_-]+$')]
    [string[]] $SourceId,

    [Parameter(Mandatory, ParameterSetName = 'Name')]
    [ValidateNotNullOrEmpty()]
    [string[]] $Name,

    [ValidatePattern('^o_[A-Za-z0-9_-]+$')]
    [string] $OrgId,

    [switch] $Force
)

begin {
    Set-StrictMode -Version 3.0

    # -WhatIf and -Confirm, as given, for the module's cmdlet that deletes.
    $shouldProcess = @{}
    foreach ($parameter in 'WhatIf', 'Confirm') {
        if ($PSBoundParameters.ContainsKey($parameter)) { $shouldProcess[$parameter] = $PSBoundParameters[$parameter] }
    }
    if ($Force) { $shouldProcess.Force = $true }

    $cutoff = if ($Before.Kind -eq [DateTimeKind]::Utc) { $Before } else { $Before.ToUniversalTime() }
    $ids = [System.Collections.Generic.List[string]]::new()
}

process {
    if ($SourceId) { $ids.AddRange([string[]] $SourceId) }
}

end {
    $listParams = @{ All = $true }
    if ($OrgId) { $listParams.OrgId = $OrgId }
    if ($PSCmdlet.ParameterSetName -eq 'Id') { $listParams.Id = @($ids | Select-Object -Unique) }
    elseif ($PSCmdlet.ParameterSetName -eq 'Name') { $listParams.Name = $Name }

    foreach ($source in @(Get-PdSource @listParams)) {
        # Newest first; the old events are the tail of the list.
        $old = @(Get-PdEvent -SourceId $source.Id -All | Where-Object { $_.IndexedAt -lt $cutoff })
        if ($old.Count -eq 0) { continue }

        Remove-PdEvent -SourceId $source.Id -EndId $old[0].Id @shouldProcess
        [pscustomobject]@{
            SourceId = $source.Id
            Name     = $source.Name
            Events   = $old.Count
            OldestId = $old[-1].Id
            NewestId = $old[0].Id
        }
    }
}
