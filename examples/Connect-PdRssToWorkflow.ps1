#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Subscribes one workflow to every RSS event source, so it handles all your feeds.

.DESCRIPTION
    Finds the RSS sources of your account (or of an org) and subscribes the workflow
    -WorkflowId to each of them with New-PdSubscription. A source is an RSS source when the
    key of the component it runs matches -ComponentKey (by default rss-*, which covers the
    registry's rss-new-item-in-feed); the key is looked up once per distinct component with
    Get-PdComponent, because a source only carries its component's id.

    It is safe to run again: sources that already deliver to the workflow (found with
    Get-PdSubscription, including a dc_* subscription that covers every source) are left
    alone. It writes one object per RSS source: SourceId, Name, SubscriptionId and Status
    (Subscribed, AlreadySubscribed, or Skipped with -WhatIf or when you decline).

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own. With -WhatIf it lists the subscriptions it would make and changes
    nothing.

.PARAMETER WorkflowId
    The workflow (p_...) that receives the events.

.PARAMETER EventName
    The stream to subscribe to, such as default or '$errors'. Without it no event name is
    sent, which is the default stream.

.PARAMETER ComponentKey
    Component keys that mark a source as an RSS source; wildcards allowed. Default rss-*.

.PARAMETER OrgId
    Work with the sources and subscriptions of this org (o_...) instead of your own. Without
    it the connection's default org is used, if it has one.

.EXAMPLE
    ./Connect-PdRssToWorkflow.ps1 -WorkflowId p_abc123 -WhatIf

    Lists the RSS sources that are not yet subscribed to p_abc123, and changes nothing.

.EXAMPLE
    ./Connect-PdRssToWorkflow.ps1 -WorkflowId p_abc123 | Where-Object Status -eq Subscribed

    Subscribes p_abc123 to every RSS source that is not yet subscribed, and shows the new
    subscriptions.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory, Position = 0)]
    [ValidatePattern('^p_[A-Za-z0-9_-]+$')]
    [string] $WorkflowId,

    [ValidateNotNullOrEmpty()]
    [string] $EventName,

    [ValidateNotNullOrEmpty()]
    [string[]] $ComponentKey = @('rss-*'),

    [ValidatePattern('^o_[A-Za-z0-9_-]+$')]
    [string] $OrgId
)

Set-StrictMode -Version 3.0

# -WhatIf and -Confirm, as given, for the module's cmdlet that makes the change.
$shouldProcess = @{}
foreach ($name in 'WhatIf', 'Confirm') {
    if ($PSBoundParameters.ContainsKey($name)) { $shouldProcess[$name] = $PSBoundParameters[$name] }
}
$orgParams = @{}
if ($OrgId) { $orgParams.OrgId = $OrgId }

# For delivery, no event name and 'default' are the same stream.
function Get-StreamName([string] $Name) {
    if ([string]::IsNullOrEmpty($Name)) { 'default' } else { $Name }
}
$stream = Get-StreamName $EventName

# Who already delivers that stream to the workflow: emitter id -> subscription id.
$existing = @{}
foreach ($subscription in Get-PdSubscription -ListenerId $WorkflowId @orgParams) {
    if ((Get-StreamName $subscription.EventName) -eq $stream) { $existing[$subscription.EmitterId] = $subscription.Id }
}

$keyById = @{}
$rssSources = Get-PdSource -All @orgParams | Where-Object {
    $componentId = $_.ComponentId
    if (-not $componentId) { return $false }
    if (-not $keyById.ContainsKey($componentId)) {
        $component = Get-PdComponent -Key $componentId
        $keyById[$componentId] = if ($component) { $component.Key } else { $null }
    }
    $key = $keyById[$componentId]
    [bool] ($key -and ($ComponentKey | Where-Object { $key -like $_ }))
}

foreach ($source in $rssSources) {
    $subscriptionId = if ($existing.ContainsKey($source.Id)) { $existing[$source.Id] } elseif ($existing.ContainsKey('dc_*')) { $existing['dc_*'] } else { $null }
    if ($subscriptionId) {
        $status = 'AlreadySubscribed'
    }
    else {
        $subscribeParams = @{ EmitterId = $source.Id; ListenerId = $WorkflowId }
        if ($EventName) { $subscribeParams.EventName = $EventName }
        $created = New-PdSubscription @subscribeParams @orgParams @shouldProcess
        if ($created) { $subscriptionId = $created.Id; $status = 'Subscribed' } else { $status = 'Skipped' }
    }
    [pscustomobject]@{
        SourceId       = $source.Id
        Name           = $source.Name
        SubscriptionId = $subscriptionId
        Status         = $status
    }
}
