@{
    Synopsis    = 'Deletes an event source and its events.'
    Description = @'
Remove-PdSource deletes a source with DELETE /sources/{id}; its events go with it. To stop a
source but keep it, use Disable-PdSource instead. -Id binds the Id or SourceId of piped
objects, so sources from Get-PdSource can be piped in. The cmdlet writes nothing.

Because the deletion cannot be undone, the cmdlet has a ConfirmImpact of High and asks for
confirmation of each source by default. -Force deletes without asking (unless -Confirm is
also given). -WhatIf always wins: it names each source that would be deleted and sends
nothing, even with -Force. A source piped from Get-PdSource is named by id and name, as
dc_abc123 (rss-status-page), in the What-if line, the prompt and the warnings of an early end;
with -Id alone it is named by id, since finding the name would take a request.

The source id is checked before any request: one that does not start with dc_ is a
PdInvalidArgument error for that item (non-terminating for piped input). A failure on one
piped source, such as PdNotFound, does not stop the others.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdSource | Remove-PdSource -WhatIf'
            Remarks = 'Shows which sources of the first page would be deleted, and deletes nothing.'
        }
        @{
            Code    = 'Remove-PdSource -Id dc_abc123'
            Remarks = 'Asks for confirmation, then deletes the source dc_abc123 and its events.'
        }
        @{
            Code    = "Get-PdSource -Name 'test-*' | Remove-PdSource -Force"
            Remarks = 'Deletes every source whose name starts with test- without asking, as a cleanup script would.'
        }
        @{
            Code    = 'Get-PdSource -Name ''test-*'' | Remove-PdSource -Force -ThrottleLimit 8'
            Remarks = 'Deletes the matching sources with up to eight requests in flight at once. A source that fails is an error about that source alone.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSource', 'Disable-PdSource', 'Remove-PdEvent')
}
