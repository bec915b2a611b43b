@{
    Synopsis    = 'Changes the name, active state, configured props or component of an event source.'
    Description = @'
Set-PdSource updates a source with PUT /sources/{id}. Only the settings you give are sent, so
renaming a source never turns it back on or changes its props.

-Name renames the source. -Active $true turns it on and -Active $false turns it off (as
Enable-PdSource and Disable-PdSource do). -Props replaces the source's configured props as a
whole: props you leave out are not kept. As with New-PdSource -Props, give a hashtable, a
PSCustomObject (such as ConvertFrom-Json output) or JSON text of an object (such as a column
of an Import-Csv row); the values must be data (strings, numbers, booleans, dates,
hashtables, arrays, PSCustomObjects, at most 64 levels deep). Anything else - JSON of an
array, a number or null, text that is not JSON, a value that is not data - stops the cmdlet
with a PdInvalidArgument error before any request. To run the source on another component,
give one of
-ComponentId (a saved component, sc_...), -ComponentCode or -ComponentUrl; they are separate
parameter sets and can be combined with -Name, -Active and -Props.

-Id binds the Id or SourceId of piped objects, so sources from Get-PdSource can be piped in.
Input is checked before any request: with no setting to change the cmdlet stops with a
PdInvalidArgument error, as it does for a blank -Name or a -ComponentId that does not start
with sc_. A source id that does not start with dc_ is a PdInvalidArgument error for that
item (non-terminating for piped input).

By default Set-PdSource writes nothing; -PassThru writes the updated source as a
PSPipedream.Source object. It supports -WhatIf and -Confirm: the What-if line and the prompt
name the source and list what would change, for example
"Update source: name: seed-1 -> seed-2; active: True -> False; props: changed (timer, url)".
The old values come from a source piped from Get-PdSource; with -Id alone only the new values
are shown ("name -> seed-2"), and nothing is sent to look them up. Props are listed by name,
never by value, since a value may be a secret.
'@
    Examples    = @(
        @{
            Code    = "Set-PdSource -Id dc_abc123 -Name 'rss-status-page-eu' -PassThru"
            Remarks = 'Renames the source dc_abc123 and writes the updated PSPipedream.Source. Its active state and props are left as they were.'
        }
        @{
            Code    = @'
Set-PdSource dc_abc123 -Props @{
    url   = 'https://status.example.com/history.rss'
    timer = @{ intervalSeconds = 900 }
}
'@
            Remarks = 'Replaces the configured props of dc_abc123 with a new feed URL and a 15-minute timer. Writes nothing.'
        }
        @{
            Code    = @'
Import-Csv ./sources.csv | ForEach-Object {
    Set-PdSource -Id $_.Id -Props $_.Props -WhatIf
}
'@
            Remarks = 'Shows, for each row of sources.csv (an Id column and a Props column of JSON text such as {"url": "https://status.example.com/history.rss"}), which props would be replaced; drop -WhatIf to change them. ($json | ConvertFrom-Json) works as -Props the same way.'
        }
        @{
            Code    = "Get-PdSource -Name 'nightly-*' | Set-PdSource -ComponentId sc_abc123 -WhatIf"
            Remarks = 'Shows which sources named nightly-* would be switched to the saved component sc_abc123, without changing any of them.'
        }
        @{
            Code    = 'Set-PdSource -Id dc_abc123 -Active $false -Confirm'
            Remarks = 'Turns the source dc_abc123 off after asking for confirmation.'
        }
        @{
            Code    = 'Get-PdSource -Name ''seed-1'' | Set-PdSource -Name ''seed-1-old'' -Active $false -WhatIf'
            Remarks = 'Shows what would change, e.g. Update source: name: seed-1 -> seed-1-old; active: True -> False, on target dc_abc123 (seed-1), and changes nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSource', 'Enable-PdSource', 'Disable-PdSource', 'New-PdSource', 'New-PdComponent')
}
