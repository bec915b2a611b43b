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
    )
    Links       = @('about_PSPipedream', 'Remove-PdEvent', 'Get-PdSource', 'Get-PdWorkflowEvent', 'Get-PdWorkflowError')
}
