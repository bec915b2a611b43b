@{
    Synopsis    = 'Gets the event sources of your Pipedream account or of an org.'
    Description = @'
Get-PdSource lists deployed event sources and writes each one as a PSPipedream.Source object
(Id, Name, NameSlug, ComponentId, Active, ConfiguredProps, CreatedAt, UpdatedAt, UserId,
OrgId; and, hidden from exports but bound by name, SourceId, the same as Id, and Props, the
configured props as JSON). Timestamps are UTC DateTime values, which the views write as
2026-12-01 20:18:23Z; ConfiguredProps is a PSCustomObject with the API's own field names, such
as .timer.interval_seconds.

It calls GET /users/me/sources for your own sources, or GET /orgs/{org}/sources for an org's.
The org comes from -OrgId, from the OrgId property of a piped object (such as the output of
Get-PdOrg), or from the connection's default org (Connect-PdAccount -OrgId). Sources listed
through an org get that OrgId; your own sources get your UserId when the API does not send one.

Paging: without -All it reads one page of up to 100 sources (or -PageSize), and warns when
there are more ("Showing 100 of 250 sources. Use -All for every one, or -First <n>."). -All
reads every page, 100 sources a request unless -PageSize says otherwise. -First N asks only
for what it needs, -Skip N skips sources on the client, and -IncludeTotalCount writes the
API's total count first. Sources are written as each page arrives, so a downstream
Select-Object -First stops further requests. -After and -Before take the cursors of an earlier
page (shown by -Verbose). -Property and -ExcludeProperty ask the API for fewer fields.

The API has no request for one source, so -Id and -Name filter on the client and read every
page until done; -Id stops as soon as every id has been found. -Name takes wildcards and is
case-insensitive. -First and -Skip count only the matching sources. An -Id that is not found,
or a -Name without wildcards that matches nothing, is a non-terminating PdNotFound error; a
wildcard that matches nothing is not an error. Ids that do not start with dc_, or an -OrgId
that does not start with o_, are PdInvalidArgument errors raised before any request.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdSource -All | Where-Object Active | Select-Object Id, Name, UpdatedAt'
            Remarks = 'Reads every page of your sources and shows the id, name and last change time of the active ones.'
        }
        @{
            Code    = "Get-PdSource -Name 'rss-*' | Disable-PdSource -WhatIf"
            Remarks = 'Finds every source whose name starts with rss- (reading all pages) and shows which of them Disable-PdSource would turn off, without sending any change.'
        }
        @{
            Code    = '(Get-PdSource -Id dc_abc123).ConfiguredProps.timer.interval_seconds'
            Remarks = 'Finds the source dc_abc123 and shows how often its timer runs, in seconds. If no source has that id, a PdNotFound error is written.'
        }
        @{
            Code    = 'Get-PdOrg | Get-PdSource -All -IncludeTotalCount'
            Remarks = 'For each org the user belongs to, writes the total number of sources the API reports, then every source of that org, each with its OrgId.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdSource', 'Set-PdSource', 'Enable-PdSource', 'Disable-PdSource', 'Remove-PdSource', 'Get-PdEvent', 'Get-PdComponent', 'Get-PdOrg')
}
