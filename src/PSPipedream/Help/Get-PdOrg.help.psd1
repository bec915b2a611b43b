@{
    Synopsis    = 'Gets the Pipedream orgs that the connected user belongs to.'
    Description = @'
Get-PdOrg reads the authenticated user with GET /users/me and writes each of the user's orgs
as a PSPipedream.Org object with Id, Name (the display name), OrgName (the org's handle) and
Email. The object also has an OrgId property, equal to Id, so orgs can be piped to
Get-PdSource and Get-PdSubscription, which then list each org's resources.

-Id keeps only the orgs with the given ids. The ids are checked before the request: one that
does not start with o_ is a terminating PdInvalidArgument error. An id the user is not a
member of is reported as a non-terminating PdNotFound error after the orgs that were found.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdOrg'
            Remarks = 'Lists every org of the connected user with its id, name, handle and email.'
        }
        @{
            Code    = 'Get-PdOrg | Get-PdSource -All | Select-Object OrgId, Id, Name, Active'
            Remarks = 'Lists every source of every org the user belongs to; each PSPipedream.Source carries the OrgId it was listed through.'
        }
        @{
            Code    = 'Get-PdOrg -Id o_abc123 | Get-PdSubscription -All'
            Remarks = 'Lists every subscription of the org o_abc123. If the user is not a member of o_abc123, a PdNotFound error is written instead.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdUser', 'Get-PdSource', 'Get-PdSubscription', 'Connect-PdAccount')
}
