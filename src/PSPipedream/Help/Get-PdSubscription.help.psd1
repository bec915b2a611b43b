@{
    Synopsis    = 'Gets the subscriptions that deliver events from emitters to listeners.'
    Description = @'
Get-PdSubscription lists subscriptions and writes each one as a PSPipedream.Subscription
object: Id (sub_...), EmitterId (the source or workflow whose events are delivered, or a glob
p_* or dc_*), ListenerId (the source, workflow or webhook that receives them), EventName
(default, $errors, $logs, or empty for a subscription made without one) and OrgId.

It calls GET /users/me/subscriptions for your own subscriptions, or
GET /orgs/{org}/subscriptions for an org's. The org comes from -OrgId, from the OrgId property
of a piped object (such as the output of Get-PdOrg), or from the connection's default org.
Subscriptions listed through an org get that OrgId. An -OrgId that does not start with o_ is
a PdInvalidArgument error raised before any request.

-EmitterId and -ListenerId keep only the subscriptions whose emitter or listener matches one
of the given values (wildcards allowed, case-insensitive). They filter on the client, so the
cmdlet then reads every page; no match is not an error. The objects bind by property name to
Remove-PdSubscription.

Paging: without -All (and without a filter) it reads one page of up to 100 subscriptions (or
-PageSize), and warns when there are more. -All reads every page, 100 a request unless
-PageSize says otherwise. -First N asks only for what it needs, -Skip N skips items on the
client, and -IncludeTotalCount writes the API's total count first. Subscriptions are written
as each page arrives, so a downstream Select-Object -First stops further requests. -After and
-Before take the cursors of an earlier page (shown by -Verbose).
'@
    Examples    = @(
        @{
            Code    = 'Get-PdSubscription -All'
            Remarks = 'Lists every subscription of your account, or of the connection''s default org if it has one.'
        }
        @{
            Code    = 'Get-PdSubscription -ListenerId p_abc123'
            Remarks = 'Lists the subscriptions that deliver events to the workflow p_abc123, reading every page.'
        }
        @{
            Code    = 'Get-PdOrg | Get-PdSubscription -EmitterId dc_* | Select-Object OrgId, EmitterId, ListenerId, EventName'
            Remarks = 'For each org you belong to, lists the subscriptions whose emitter is a source (or the dc_* glob), with the org they belong to.'
        }
        @{
            Code    = 'Get-PdSubscription | Where-Object ListenerId -eq p_abc123 | Remove-PdSubscription -WhatIf'
            Remarks = 'Shows which subscriptions of the first page that deliver to p_abc123 would be removed, and sends nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdSubscription', 'Remove-PdSubscription', 'New-PdAutoSubscription', 'Get-PdOrg')
}
