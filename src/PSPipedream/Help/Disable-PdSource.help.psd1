@{
    Synopsis    = 'Turns an event source off, keeping its events and settings.'
    Description = @'
Disable-PdSource sends PUT /sources/{id} with active set to false. The source keeps its
events and its configured props, and Enable-PdSource turns it back on.
-Id binds the Id or SourceId of piped objects, so sources from Get-PdSource can be piped in.

The source id is checked before any request: one that does not start with dc_ is a
PdInvalidArgument error for that item (non-terminating for piped input, so the other sources
are still disabled). A source that does not exist is reported with the API's error, such as
PdNotFound.

By default the cmdlet writes nothing; -PassThru writes the updated source as a
PSPipedream.Source object. It supports -WhatIf (which names each source and sends nothing)
and -Confirm. A source piped from Get-PdSource is named by id and name, as dc_abc123
(rss-status-page), in the What-if line, the prompt and any warning; with -Id alone, by id.
'@
    Examples    = @(
        @{
            Code    = "Get-PdSource -Name 'rss-*' | Disable-PdSource"
            Remarks = 'Turns off every source whose name starts with rss-. Writes nothing.'
        }
        @{
            Code    = "Get-PdSource -Name 'rss-*' | Disable-PdSource -WhatIf"
            Remarks = 'Lists the sources that would be turned off, one "What if" line per source id, and sends no change.'
        }
        @{
            Code    = 'Get-PdSource -All | Where-Object UpdatedAt -lt (Get-Date).AddDays(-90) | Disable-PdSource -PassThru | Select-Object Id, Name, Active'
            Remarks = 'Turns off every source that has not been changed for 90 days and shows the id, name and new state of each.'
        }
        @{
            Code    = 'Get-PdSource -All | Where-Object Active | Disable-PdSource -ThrottleLimit 8 -WhatIf'
            Remarks = 'Names every active source that would be disabled, in order, and sends nothing: -WhatIf is asked about each item before its request would start.'
        }
    )
    Links       = @('about_PSPipedream', 'Enable-PdSource', 'Set-PdSource', 'Get-PdSource', 'Remove-PdSource')
}
