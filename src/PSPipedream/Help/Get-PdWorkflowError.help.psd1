@{
    Synopsis    = 'Gets the recent errors of a workflow, with the event and context of each failed run.'
    Description = @'
Get-PdWorkflowError lists the errors thrown by a workflow's runs with
GET /workflows/{id}/$errors/event_summaries, newest first. It writes each one as a
PSPipedream.WorkflowError object: Id (such as 1606370816223-0), WorkflowId, IndexedAt (UTC),
Metadata, OriginalEvent (the event the failed run was given), OriginalContext (the run's id,
ts, workflow_id, deployment_id, owner_id, ...), and Error, with Code, CellId (the step that
threw), Ts (when, UTC) and Stack. These are read from the item's event, as the API reference
shows them, or from the item itself, where other clients see them. The API keeps only the most recent errors (the last 100 on
most plans).

Events over 1 KB are cut by the API and have IsTruncated set; -Expand asks for whole events
(expand=event).

-WorkflowId binds the WorkflowId or Id property of piped objects. A workflow id that does not
start with p_ is a PdInvalidArgument error raised before any request (non-terminating for
piped input).

Paging: without -All it reads one page of up to 100 errors (or -PageSize), and warns when
there are more. -All reads every page, 100 errors a request unless -PageSize says otherwise.
-First N asks only for what it needs, -Skip N skips errors on the client, and
-IncludeTotalCount writes the API's total count first. Errors are written as each page
arrives, so a downstream Select-Object -First stops further requests. -After and -Before take
event ids as cursors.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdWorkflowError -WorkflowId p_abc123 -First 10 | Select-Object IndexedAt, @{ Name = ''Code''; Expression = { $_.Error.Code } }, @{ Name = ''Step''; Expression = { $_.Error.CellId } }'
            Remarks = 'Shows when each of the ten newest errors of p_abc123 happened, its error code and the step that threw it.'
        }
        @{
            Code    = 'Get-PdWorkflowError p_abc123 -All | Group-Object { $_.Error.Code } | Sort-Object Count -Descending | Select-Object Count, Name'
            Remarks = 'Counts the errors the API holds for p_abc123 by error code, most frequent first.'
        }
        @{
            Code    = '(Get-PdWorkflowError -WorkflowId p_abc123 -First 1 -Expand).OriginalEvent | ConvertTo-Json -Depth 10'
            Remarks = 'Shows, in full, the event that the most recent failed run was given, for example to replay it.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdWorkflowEvent', 'New-PdAutoSubscription', 'New-PdSubscription')
}
