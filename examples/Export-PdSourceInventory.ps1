#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Exports an inventory of your Pipedream event sources to a CSV file.

.DESCRIPTION
    Reads every event source of your account, or of an org, with Get-PdSource -All and writes
    one CSV row per source, with flat columns that open cleanly in a spreadsheet:

        Id, Name, Active, ComponentId, ComponentKey, OrgId, CreatedAt, UpdatedAt,
        RecentEvents, LastEventAt, ConfiguredProps

    ComponentKey is the key of the component the source runs (such as rss-new-item-in-feed),
    looked up once per distinct component. RecentEvents is the number of events the API still
    holds for the source and LastEventAt when the newest of them arrived. ConfiguredProps is
    the source's settings as compact JSON. Times are UTC, as "2026-05-14 19:29:41Z".

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own. It only reads from Pipedream: one request per 100 sources, one per
    distinct component and, unless -SkipEventCount is given, one per source.

.PARAMETER Path
    The CSV file to write. An existing file is replaced.

.PARAMETER OrgId
    List the sources of this org (o_...) instead of your own. Without it the connection's
    default org is used, if it has one.

.PARAMETER SkipEventCount
    Leave RecentEvents and LastEventAt empty and send no request per source; quicker for
    accounts with thousands of sources.

.PARAMETER PassThru
    Also write each row to the pipeline.

.EXAMPLE
    ./Export-PdSourceInventory.ps1 -Path ./sources.csv

    Writes every source of your account to sources.csv.

.EXAMPLE
    ./Export-PdSourceInventory.ps1 -Path ./team.csv -OrgId o_abc123 -PassThru | Where-Object RecentEvents -eq 0

    Writes the sources of the org o_abc123 to team.csv and shows those the API holds no events for.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory, Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidatePattern('^o_[A-Za-z0-9_-]+$')]
    [string] $OrgId,

    [switch] $SkipEventCount,

    [switch] $PassThru
)

Set-StrictMode -Version 3.0

function Format-UtcTime($Time) {
    if ($null -eq $Time) { return $null }
    $Time.ToUniversalTime().ToString('u', [cultureinfo]::InvariantCulture)
}

$listParams = @{ All = $true }
if ($OrgId) { $listParams.OrgId = $OrgId }

$componentKeys = @{}
$rows = Get-PdSource @listParams | ForEach-Object {
    $source = $_
    if ($source.ComponentId -and -not $componentKeys.ContainsKey($source.ComponentId)) {
        $component = Get-PdComponent -Key $source.ComponentId
        $componentKeys[$source.ComponentId] = if ($component) { $component.Key } else { $null }
    }

    $recentEvents = $null
    $lastEventAt = $null
    if (-not $SkipEventCount) {
        # One request: the total count of the source's events, then its newest event.
        $answer = @(Get-PdEvent -SourceId $source.Id -IncludeTotalCount -First 1)
        $recentEvents = [long] ($answer | Where-Object { $_ -is [uint64] } | Select-Object -First 1)
        $newest = $answer | Where-Object { $_ -isnot [uint64] } | Select-Object -First 1
        if ($newest) { $lastEventAt = Format-UtcTime $newest.IndexedAt }
    }

    [pscustomobject]@{
        Id              = $source.Id
        Name            = $source.Name
        Active          = $source.Active
        ComponentId     = $source.ComponentId
        ComponentKey    = if ($source.ComponentId) { $componentKeys[$source.ComponentId] } else { $null }
        OrgId           = $source.OrgId
        CreatedAt       = Format-UtcTime $source.CreatedAt
        UpdatedAt       = Format-UtcTime $source.UpdatedAt
        RecentEvents    = $recentEvents
        LastEventAt     = $lastEventAt
        ConfiguredProps = if ($null -ne $source.ConfiguredProps) { ConvertTo-Json -InputObject $source.ConfiguredProps -Depth 20 -Compress } else { $null }
    }
}

# -WhatIf and -Confirm, as given, for the command that writes the file.
$shouldProcess = @{}
foreach ($name in 'WhatIf', 'Confirm') {
    if ($PSBoundParameters.ContainsKey($name)) { $shouldProcess[$name] = $PSBoundParameters[$name] }
}

# Written only once every source has been read, so a failure half-way leaves no partial file.
$rows = @($rows)
$rows | Export-Csv -Path $Path -NoTypeInformation -Encoding UTF8 @shouldProcess
Write-Verbose "$($rows.Count) sources for $Path."
if ($PassThru) { $rows }
