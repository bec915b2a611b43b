@{
    Synopsis    = 'Turns an event source on.'
    Description = @'
Enable-PdSource sends PUT /sources/{id} with active set to true. Nothing else about the source
changes. -Id binds the Id or SourceId of piped objects, so sources from Get-PdSource can be
piped in.

The source id is checked before any request: one that does not start with dc_ is a
PdInvalidArgument error for that item (non-terminating for piped input, so the other sources
are still enabled). A source that does not exist is reported with the API's error, such as
PdNotFound.

By default the cmdlet writes nothing; -PassThru writes the updated source as a
PSPipedream.Source object. It supports -WhatIf (which names each source and sends nothing)
and -Confirm. A source piped from Get-PdSource is named by id and name, as dc_abc123
(rss-status-page), in the What-if line, the prompt and any warning; with -Id alone, by id.
'@
    Examples    = @(
        @{
            Code    = 'Enable-PdSource -Id dc_abc123'
            Remarks = 'Turns the source dc_abc123 on. Writes nothing.'
        }
        @{
            Code    = 'Get-PdSource -Name ''rss-*'' | Where-Object { -not $_.Active } | Enable-PdSource -PassThru'
            Remarks = 'Turns on every rss-* source that is off and writes each updated PSPipedream.Source.'
        }
        @{
            Code    = 'Get-PdSource -OrgId o_abc123 -All | Enable-PdSource -WhatIf'
            Remarks = 'Shows which sources of the org o_abc123 would be turned on, without sending any change.'
        }
    )
    Links       = @('about_PSPipedream', 'Disable-PdSource', 'Set-PdSource', 'Get-PdSource')
}
