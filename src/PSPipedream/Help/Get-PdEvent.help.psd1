@{
    Synopsis    = 'Gets the recent events that an event source emitted.'
    Description = @'
Get-PdEvent lists a source's events with GET /sources/{id}/event_summaries, newest first, and
writes each one as a PSPipedream.Event object: Id (such as 1589486981597-0, the time in
milliseconds and a sequence number), SourceId, IndexedAt (UTC), Metadata (EmitId, Name and
EmitterId), Event (the event data) and IsTruncated. The API keeps only the most recent events
of a source (the last 100 on most plans).

The API cuts events over 1 KB; such events have IsTruncated set and their Event holds the
first 1024 characters of their JSON. -Expand asks for whole events (expand=event).

-SourceId takes several ids and binds the SourceId or Id property of piped objects, so
Get-PdSource | Get-PdEvent lists each source's events, one source after the other, and every event carries the SourceId it was listed from, ready
for Remove-PdEvent. A source id that does not start with dc_ is a PdInvalidArgument error
raised before any request (non-terminating for piped input).

Paging: without -All it reads one page of up to 100 events (or -PageSize), and warns when
there are more. -All reads every page, 100 events a request unless -PageSize says otherwise.
-First N asks only for what it needs, -Skip N skips events on the client, and
-IncludeTotalCount writes the API's total count first. Events are written as each page
arrives, so a downstream Select-Object -First stops further requests. Event ids are the page
cursors that -After and -Before take.

With several sources, -First, -Skip and -All apply to each source: Get-PdSource |
Get-PdEvent -First 5 gives five events per source. For five events in all, pipe into
Select-Object -First 5 instead.

-Wait follows the events live, as Get-Content -Wait follows a file: it writes the newest -Tail
events of each source (default 10; 0 for only new ones), oldest first, then polls every
-PollSeconds (default 5) and writes each new one once, oldest first, as the same objects as
without -Wait. Several sources (piped from Get-PdSource, or -SourceId a,b,c) make one stream in time
order, each event with its SourceId and EmitterId. It ends on Ctrl+C or when a downstream Select-Object -First n has what it
needs (at once, with no error record), when -Timeout runs out, or when every followed source is
gone. At the timeout the wait ends quietly; under -ErrorAction Stop (or $ErrorActionPreference =
'Stop') it fails with the error PdWaitTimeout instead, so that a script can wait a given time
for the next event and fail otherwise. -All, -First, -Skip, -PageSize, -After, -Before,
-IncludeTotalCount, -Property and -ExcludeProperty are refused with -Wait (use -Tail), and
-Tail, -PollSeconds and -Timeout without it. -ThrottleLimit has no effect with -Wait: the
polls are paced instead.

While waiting: one connection sends at most about 5 polls a second, so with many sources the
interval stretches (-Verbose says so once). A poll that still fails after the connection's
retries writes one warning for the whole outage and keeps polling, backing off up to 60 s; the
first good poll after it writes a -Verbose line saying it resumed. A 401 ends the wait with
that error; a 404 (or 403) ends that source's part with an error about it, while the others go
on. The API keeps only the last 100 events: when a poll finds a full page of 100 that are all
new, a warning names the source and the time span whose events may be missing.
An event that does not fit its model (a field of the wrong type) is left out with one
PdInvalidResponse error naming the source and the event's id, written once; the other events
still come, and it does not count as a failed poll.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdSource -Name ''rss-*'' | Get-PdEvent -First 5'
            Remarks = 'Gets the five newest events of each source whose name starts with rss-: five per source, not five in all. Add | Select-Object -First 5 for five in all.'
        }
        @{
            Code    = 'Get-PdEvent -SourceId dc_abc123 -First 5 -Expand'
            Remarks = 'Gets the five newest events of the source dc_abc123, whole even when they are larger than 1 KB.'
        }
        @{
            Code    = 'Get-PdSource | Get-PdEvent -First 1 | Select-Object SourceId, Id, IndexedAt'
            Remarks = 'For each source of the first page, shows its newest event and when it was indexed.'
        }
        @{
            Code    = 'Get-PdEvent dc_abc123 -All -Expand | ForEach-Object Event | ConvertTo-Json -Depth 10 | Set-Content -Path ./dc_abc123-events.json'
            Remarks = 'Reads every event the API still holds for dc_abc123, in full, and saves their data as JSON, for example before the events are deleted.'
        }
        @{
            Code    = 'Get-PdEvent -SourceId dc_abc123 -IncludeTotalCount -First 0'
            Remarks = 'Writes only the number of events the API holds for the source, with a request for a single event.'
        }
        @{
            Code    = 'Get-PdSource -All | Get-PdEvent -ThrottleLimit 8'
            Remarks = 'Gets the events of every source with up to eight requests in flight at once. The events still come source by source, in the order of the sources.'
        }
        @{
            Code    = 'Get-PdSource -Name ''github-*'' | Get-PdEvent -Wait -Tail 0 | Format-Table'
            Remarks = 'Follows every source whose name starts with github- as one live table, writing only the events that come after the command starts, until Ctrl+C.'
        }
        @{
            Code    = 'Get-PdEvent -SourceId dc_abc123 -Wait -Tail 0 -Timeout 60 -ErrorAction Stop | Select-Object -First 1'
            Remarks = 'Waits up to 60 seconds for the next event of dc_abc123 and writes it; when none comes in time the command fails with PdWaitTimeout, which stops a script or reaches its catch block.'
        }
        @{
            Code    = 'Get-PdEvent dc_abc123 -Wait -PollSeconds 30 -Expand | Export-Csv -Path ./dc_abc123-live.csv'
            Remarks = 'Writes the ten newest events of dc_abc123, whole, then every new one as it comes, to a CSV file, polling every 30 seconds.'
        }
    )
    Links       = @('about_PSPipedream', 'Remove-PdEvent', 'Get-PdSource', 'Get-PdWorkflowEvent', 'Get-PdWorkflowError')
}
