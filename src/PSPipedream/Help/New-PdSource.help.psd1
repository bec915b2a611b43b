@{
    Synopsis    = 'Deploys a new event source from a component.'
    Description = @'
New-PdSource creates an event source with POST /sources and writes it as a PSPipedream.Source
object. The component to run comes from one of four parameter sets:

-ComponentId: a component saved in your account (sc_...), for example by New-PdComponent.
It binds the Id of piped objects, so New-PdComponent -Path x.js | New-PdSource works.

-ComponentCode: the full code of the component.

-ComponentUrl: the URL where the component's code is hosted.

-ComponentKey: the key of a component in Pipedream's global registry, such as
rss-new-item-in-feed. The cmdlet first looks the key up with GET /components/registry/{key}
and deploys the component id it gets back.

-Props sets the source's configured props (sent as configured_props): a hashtable, a
PSCustomObject, or JSON text of an object. Nested hashtables and arrays are kept and names are
sent as written, for example
@{ url = 'https://example.com/feed.xml'; timer = @{ intervalSeconds = 300 } }. The props must
be data: strings, numbers, booleans, dates (sent as ISO 8601, DateTime in UTC), hashtables,
arrays and PSCustomObjects, at most 64 levels deep. A value that contains itself, deeper
nesting, or an object such as a Process or a ScriptBlock is a PdInvalidArgument error that
names the place (for example Props.timer.run) and stops the cmdlet before any request. -Name names the
source; without it the API names it after the component's name slug. -Name also binds the Name
property of piped objects, so a piped component gives the source its own name unless -Name is
given. -OrgId creates the
source in an org (sent as org_id); without it the connection's default org is used, else your
own account.

Copying sources: Get-PdSource | New-PdSource creates each piped source again, from its
component (ComponentId) and with its configured props: -Props binds the Props (JSON text) or
ConfiguredProps of piped objects, so rows read back with Import-Csv copy too. What the server
makes for each source is left out, with a -Verbose line: an HTTP interface's endpoint_url (the
copy gets an endpoint of its own). -Name gives every copy that name; -NamePrefix and
-NameSuffix put text before or after each name (the -Name given, or the piped source's).
Without any of them a copy keeps its original's name, and a warning says so: the API allows
two sources with one name. A copy of a source listed from an org (Get-PdSource -OrgId) is made
in that org: -OrgId binds the OrgId of piped objects. After -WhatIf or -Confirm, the cmdlet reads each component once
(GET /components/{id}) to see which props are secret; a secret prop the listed source has no
value for (the API may withhold a secret's value) cannot be copied, and a warning names it and
the copy, so its props can be set with Set-PdSource.

Input is checked before any request: -ComponentId must start with sc_, -ComponentKey must not
be the id of another kind of resource, neither may be over 1,000 characters or hold a control
character, -OrgId must start with o_, and -Name must not be
blank. A rejected value is a PdInvalidArgument error: non-terminating for piped input (the next
item is tried), terminating otherwise.

New-PdSource supports -WhatIf and -Confirm. -WhatIf names the source and component (and, for a
copy, the source copied, as dc_abc123 (rss-feed)) and sends nothing at all, not even the
registry lookup of -ComponentKey.
'@
    Examples    = @(
        @{
            Code    = @'
New-PdSource -ComponentKey rss-new-item-in-feed -Name 'rss-status-page' -Props @{
    url   = 'https://status.example.com/history.rss'
    timer = @{ intervalSeconds = 300 }
}
'@
            Remarks = 'Deploys the registry RSS component as a source named rss-status-page that checks the feed every five minutes, and writes the new PSPipedream.Source.'
        }
        @{
            Code    = "New-PdComponent -Path ./components/new-ticket.js | New-PdSource -Name 'new-ticket' -Props @{ timer = @{ cron = '0 * * * *' } }"
            Remarks = 'Saves the component in new-ticket.js, then deploys the saved component (its Id binds to -ComponentId) as a source named new-ticket that runs every hour.'
        }
        @{
            Code    = 'New-PdSource -ComponentId sc_abc123 -Name ops-heartbeat -OrgId o_abc123 -WhatIf'
            Remarks = 'Shows the source that would be created from the saved component sc_abc123 in the org o_abc123, and sends nothing.'
        }
        @{
            Code    = @'
'https://blog.example.com/feed.xml', 'https://news.example.com/rss' | ForEach-Object {
    New-PdSource -ComponentKey rss-new-item-in-feed -Props @{ url = $_ }
}
'@
            Remarks = 'Deploys one RSS source per feed URL, each named after the component. Each call writes the new source.'
        }
        @{
            Code    = "Get-PdSource -Name 'rss-*' | New-PdSource -NameSuffix '-staging' -Verbose"
            Remarks = 'Copies every source whose name starts with rss- with its component and props, naming each copy after its original with -staging added. -Verbose shows the request lines and any server field left out of a copy.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSource', 'Set-PdSource', 'Remove-PdSource', 'New-PdComponent', 'Get-PdComponent')
}
