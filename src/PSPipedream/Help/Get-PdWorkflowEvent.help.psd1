@{
    Synopsis    = 'Gets the recent events that a workflow emitted.'
    Description = @'
Get-PdWorkflowEvent lists the events a workflow emitted with $send.emit(), using
GET /workflows/{id}/event_summaries, newest first. It writes each one as a PSPipedream.Event
object: Id (such as 1606511826306-0), WorkflowId (the workflow it was listed from), IndexedAt
(UTC), Metadata (EmitId, Name and EmitterId), Event (the event data) and IsTruncated. The API
keeps only the most recent events of a workflow (the last 100 on most plans).

The API cuts events over 1 KB; such events have IsTruncated set and their Event holds the
first 1024 characters of their JSON. -Expand asks for whole events (expand=event).

-WorkflowId binds the WorkflowId or Id property of piped objects. A workflow id that does not
start with p_ is a PdInvalidArgument error raised before any request (non-terminating for
piped input). The id of a workflow is the p_... part of its URL in the Pipedream UI.

Paging: without -All it reads one page of up to 100 events (or -PageSize), and warns when
there are more. -All reads every page, 100 events a request unless -PageSize says otherwise.
-First N asks only for what it needs, -Skip N skips events on the client, and
-IncludeTotalCount writes the API's total count first. Events are written as each page
arrives, so a downstream Select-Object -First stops further requests. Event ids are the page
cursors that -After and -Before take.

-Wait follows the events live, as Get-Content -Wait follows a file: it writes the newest -Tail
events of each workflow (default 10; 0 for only new ones), oldest first, then polls every
-PollSeconds (default 5) and writes each new one once, oldest first, as the same objects as
without -Wait. Several workflows piped in make one stream in time order, each event with its
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
on. The API keeps only the last 100 events: when a poll finds a full page of 100 that are all
new, a warning names the workflow and the time span whose events may be missing.
An event that does not fit its model (a field of the wrong type) is left out with one
PdInvalidResponse error naming the workflow and the event's id, written once; the other events
still come, and it does not count as a failed poll.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdWorkflowEvent -WorkflowId p_abc123 -First 1 -Expand'
            Remarks = 'Gets the newest event that the workflow p_abc123 emitted, whole even when it is larger than 1 KB.'
        }
        @{
            Code    = 'Get-PdWorkflowEvent p_abc123 -All | Where-Object IsTruncated | Select-Object Id, IndexedAt'
            Remarks = 'Lists the emitted events of p_abc123 that the API cut at 1 KB; run again with -Expand to get them whole.'
        }
        @{
            Code    = @'
'p_abc123', 'p_def456' | ForEach-Object { Get-PdWorkflowEvent -WorkflowId $_ -First 3 } |
    Select-Object WorkflowId, Id, IndexedAt
'@
            Remarks = 'Shows the three newest emitted events of each of two workflows, with the workflow each came from.'
        }
        @{
            Code    = 'Get-PdWorkflowEvent -WorkflowId p_abc123 -Wait -Tail 5 | Select-Object IndexedAt, Event'
            Remarks = 'Shows the five newest events p_abc123 emitted, then each new one as it is emitted, until Ctrl+C.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdWorkflowError', 'Get-PdEvent', 'New-PdSubscription')
}
