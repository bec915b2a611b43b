@{
    Synopsis    = 'Sends a request to any Pipedream API path with the current connection.'
    Description = @'
Invoke-PdApi calls an API path that no other cmdlet covers, with the same connection, error
handling and -Verbose request lines as the other cmdlets. -Path is relative to the base URI,
such as 'users/me'; a leading '/', the base path ('/v1/users/me') or a full URL under the base
URI are accepted too. A path that would leave the base URI (another host, '//host', a '..'
that climbs above the base path), a backslash or a '#' fragment is refused with a
PdInvalidArgument error before the request is sent.

-Method is GET (the default), POST, PUT, DELETE or PATCH. -Query adds query parameters,
URL-encoded: an array is sent comma-separated, $true/$false as true/false, numbers in the
invariant culture, dates as ISO 8601, and a $null value leaves the parameter out; a '?query'
part of -Path is added as well. A hashtable, object or nested array as a query value is refused.
-Body is sent as JSON: a hashtable or PSCustomObject is converted with its names as given (the
API uses snake_case), a string must already hold JSON. A GET cannot have a body. The body must
be data (strings, numbers, booleans, dates, hashtables, arrays, PSCustomObjects, at most 64
levels deep): a value that contains itself, deeper nesting or an object such as a Process is a
PdInvalidArgument error that names the place (for example Body.auth.token), before anything
is sent.

The answer is written as PSCustomObject objects: one per item when its "data" is an array,
else the "data" value, else the whole body. With -All, a GET of a list follows
page_info.end_cursor and writes the items of every page (a 'limit' in -Query sets the page
size, 100 by default); -All cannot be used with other methods.

Every method except GET goes through ShouldProcess: -WhatIf names the method and the full URL
and sends nothing, and -Confirm asks first. Failures carry the same ErrorIds as the other
cmdlets (PdNotFound, PdUnauthorized, PdRateLimited, ...).
'@
    Examples    = @(
        @{
            Code    = 'Invoke-PdApi users/me'
            Remarks = 'Gets the authenticated user as a PSCustomObject with the API''s own field names, such as daily_compute_time_quota.'
        }
        @{
            Code    = 'Invoke-PdApi -Path ''workflows/p_abc123/$errors/event_summaries'' -Query @{ expand = ''event''; limit = 100 } -All'
            Remarks = 'Reads every error of the workflow p_abc123, 100 a request, and writes each as it came from the API. The single quotes keep PowerShell from expanding $errors.'
        }
        @{
            Code    = 'Invoke-PdApi -Method DELETE -Path sources/dc_abc123/events -Query @{ start_id = ''1589486981597-0''; end_id = ''1589486981597-0'' } -WhatIf'
            Remarks = 'Shows the DELETE request, with its full URL, that would delete the event 1589486981597-0 of dc_abc123, and sends nothing.'
        }
        @{
            Code    = 'Invoke-PdApi -Method POST -Path components -Body @{ component_url = ''https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js'' }'
            Remarks = 'Saves a component from its URL with a raw POST /components and writes the API''s answer, the saved component, as a PSCustomObject.'
        }
    )
    Notes       = 'Invoke-PdApi does not rename fields or convert timestamps: the objects have the API''s snake_case names and Unix times. Prefer the dedicated cmdlets where one exists.'
    Links       = @('about_PSPipedream', 'Connect-PdAccount', 'Get-PdUser')
}
