#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Lists the recent errors of the workflows you name, newest first, as one table.

.DESCRIPTION
    Reads the $errors stream of each workflow with Get-PdWorkflowError -Expand (whole events,
    so large ones keep their error details) and writes one object per error, newest first
    across all the workflows: Time (UTC, when the error was recorded), WorkflowId, Code,
    Message, Step (the step that threw, c_...) and EventId. It shows as a table of Time,
    WorkflowId, Code and Message; Select-Object * shows the rest.

    Message is the error's own message when the event carries one (message or msg), else the
    first line of its stack. A workflow that cannot be read (a wrong id, or one you do not
    own) is reported as an error and the others are still listed.

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own. It only reads: one request per workflow (more when -First is over
    100).

.PARAMETER WorkflowId
    The workflows (p_...) to look at. Takes strings or objects with an Id or WorkflowId from
    the pipeline.

.PARAMETER First
    How many of each workflow's newest errors to read, 1 to 1000. Default 10.

.PARAMETER Since
    Only errors recorded after this time. A time without a zone is local time.

.EXAMPLE
    ./Watch-PdWorkflowError.ps1 -WorkflowId p_abc123, p_def456

    Shows the ten newest errors of each of the two workflows in one table.

.EXAMPLE
    ./Watch-PdWorkflowError.ps1 p_abc123 -Since (Get-Date).AddHours(-1) | Group-Object Code

    Counts the errors p_abc123 has thrown in the last hour by error code.

.EXAMPLE
    while ($true) { Clear-Host; ./Watch-PdWorkflowError.ps1 p_abc123 -First 20; Start-Sleep -Seconds 60 }

    Keeps a table of the newest errors on screen, refreshed every minute.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
    [Alias('Id')]
    [ValidatePattern('^p_[A-Za-z0-9_-]+$')]
    [string[]] $WorkflowId,

    [ValidateRange(1, 1000)]
    [int] $First = 10,

    [datetime] $Since
)

begin {
    Set-StrictMode -Version 3.0

    $sinceUtc = $null
    if ($PSBoundParameters.ContainsKey('Since')) {
        $sinceUtc = if ($Since.Kind -eq [DateTimeKind]::Utc) { $Since } else { $Since.ToUniversalTime() }
    }

    # A field of the raw error, when the event has it.
    function Get-ErrorField($WorkflowError, [string[]] $Names) {
        $raw = $WorkflowError.Event
        if ($null -eq $raw -or $raw -is [string] -or -not $raw.PSObject.Properties['error']) { return $null }
        $detail = $raw.error
        if ($null -eq $detail -or $detail -is [string]) { return $detail }
        foreach ($name in $Names) {
            $field = $detail.PSObject.Properties[$name]
            if ($field -and $field.Value) { return [string] $field.Value }
        }
    }

    $display = [System.Management.Automation.PSPropertySet]::new('DefaultDisplayPropertySet', [string[]] @('Time', 'WorkflowId', 'Code', 'Message'))
    $standardMembers = [System.Management.Automation.PSMemberInfo[]] @($display)
    $rows = [System.Collections.Generic.List[object]]::new()
}

process {
    foreach ($id in $WorkflowId) {
        foreach ($workflowError in Get-PdWorkflowError -WorkflowId $id -First $First -Expand) {
            if ($sinceUtc -and $workflowError.IndexedAt -le $sinceUtc) { continue }
            $detail = $workflowError.Error
            $message = Get-ErrorField $workflowError 'message', 'msg'
            if (-not $message -and $detail -and $detail.Stack) {
                $message = ($detail.Stack -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -First 1).Trim()
            }
            $row = [pscustomobject]@{
                Time       = $workflowError.IndexedAt
                WorkflowId = $id
                Code       = if ($detail) { $detail.Code } else { $null }
                Message    = $message
                Step       = if ($detail) { $detail.CellId } else { $null }
                EventId    = $workflowError.Id
            }
            $row | Add-Member -MemberType MemberSet -Name PSStandardMembers -Value $standardMembers
            $rows.Add($row)
        }
    }
}

end {
    $rows | Sort-Object -Property Time, EventId -Descending
}
