@{
    Synopsis    = 'Deletes one event, a range of events, or every event of an event source.'
    Description = @'
Remove-PdEvent deletes events of a source with DELETE /sources/{id}/events. Say which events
in one of three ways:

-EventId deletes one event (sent as start_id and end_id with the same id).

-StartId and/or -EndId delete an inclusive range. -StartId is the oldest event of the range
and -EndId the newest; -StartId alone deletes that event and every newer one, -EndId alone
that event and every older one.

-All deletes every event of the source (neither start_id nor end_id is sent).

With none of these the cmdlet stops with a PdInvalidArgument error: it never deletes every
event by default, unlike the API. Input is checked before any request: the source id must
start with dc_, event ids must look like 1589486981597-0 (digits, a hyphen, digits), and a
-StartId newer than -EndId is an error, since the API would delete nothing.

-SourceId binds the SourceId property and -EventId the Id property of piped objects, so
Get-PdEvent -SourceId dc_abc123 | Remove-PdEvent deletes the listed events one by one. When
you pipe sources (Get-PdSource | Remove-PdEvent), add -All or -StartId/-EndId: without them
the source's Id binds to -EventId and is rejected as not an event id.

The cmdlet has a ConfirmImpact of High and asks for confirmation of each deletion by default.
-Force deletes without asking (unless -Confirm is also given). -WhatIf always wins: it names
the events that would be deleted and sends nothing, even with -Force. The What-if line and the
prompt say which events of which source: "event 1589486981597-0 of dc_abc123", "all events
of dc_abc123", "events of dc_abc123 up to 1589486981599-0", "... from A onward" or "... from
A to B". A source piped from Get-PdSource is named with its name too: dc_abc123 (rss-feed). The cmdlet writes
nothing. The API deletes asynchronously (it answers 202 Accepted), so a Get-PdEvent right
afterwards can still list some of the events.
'@
    Examples    = @(
        @{
            Code    = 'Remove-PdEvent -SourceId dc_abc123 -EventId 1589486981597-0'
            Remarks = 'Asks for confirmation, then deletes the one event 1589486981597-0 of the source dc_abc123.'
        }
        @{
            Code    = 'Remove-PdEvent -SourceId dc_abc123 -StartId 1589486981597-0 -EndId 1589486981599-0 -Force'
            Remarks = 'Deletes, without asking, the events of dc_abc123 from 1589486981597-0 to 1589486981599-0, both included.'
        }
        @{
            Code    = 'Get-PdEvent -SourceId dc_abc123 -All | Where-Object IndexedAt -lt (Get-Date).ToUniversalTime().AddDays(-7) | Remove-PdEvent -WhatIf'
            Remarks = 'Shows which events of dc_abc123 older than seven days would be deleted, one request per event, and sends nothing.'
        }
        @{
            Code    = "Get-PdSource -Name 'test-*' | Remove-PdEvent -All -Force"
            Remarks = 'Clears every event of every source whose name starts with test-, without asking.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdEvent', 'Get-PdSource', 'Remove-PdSource')
}
