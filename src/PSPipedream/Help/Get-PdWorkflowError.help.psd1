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

-Wait follows the errors live, as Get-Content -Wait follows a file: it writes the newest -Tail
errors of each workflow (default 10; 0 for only new ones), oldest first, then polls every
-PollSeconds (default 5) and writes each new one once, oldest first, as the same objects as
without -Wait. Several workflows piped in make one stream in time order, each error with its
WorkflowId. It ends on Ctrl+C or when a downstream Select-Object -First n has what it
needs (at once, with no error record), when -Timeout runs out, or when every followed workflow is
gone. At the timeout the wait ends quietly; under -ErrorAction Stop (or $ErrorActionPreference =
'Stop') it fails with the error PdWaitTimeout instead, so that a script can wait a given time
for the next event and fail otherwise. -All, -First, -Skip, -PageSize, -After, -Before,
-IncludeTotalCount, -Property and -ExcludeProperty are refused with -Wait (use -Tail), and
-Tail, -PollSeconds and -Timeout without it. -ThrottleLimit has no effect with -Wait: the
polls are paced instead.

While waiting: one connection sends at most about 5 polls a second, so with many workflows the
interval stretches (-Verbose says so once). A poll that still fails after the connection's
retries writes one warning for the whole outage and keeps polling, backing off up to 60 s; the
first good poll after it writes a -Verbose line saying it resumed. A 401 ends the wait with
that error; a 404 (or 403) ends that workflow's part with an error about it, while the others go
on. The API keeps only the last 100 errors: when a poll finds a full page of 100 that are all
new, a warning names the workflow and the time span whose errors may be missing.
An error that does not fit its model (a field of the wrong type) is left out with one
PdInvalidResponse error naming the workflow and the error's id, written once; the other errors
still come, and it does not count as a failed poll.
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
        @{
            Code    = 'Get-PdWorkflowError p_abc123 -Wait -Tail 0 -Timeout 600 | ForEach-Object { Write-Warning "$($_.IndexedAt) $($_.Error.Code)" }'
            Remarks = 'Watches p_abc123 for ten minutes after a deploy and prints a warning line for each new error, with its time and code.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdWorkflowEvent', 'New-PdAutoSubscription', 'New-PdSubscription')
}
