@{
    Synopsis    = 'Gets the Pipedream user that the connection authenticates as.'
    Description = @'
Get-PdUser reads the authenticated user with GET /users/me and writes one PSPipedream.User
object: Id, Username, Email, Orgs (the orgs the user belongs to) and, as the API reports them,
the daily compute time and invocation quotas and what has been used of them, and the billing
period's start, end and invocation count.

The cmdlet uses the current connection (from Connect-PdAccount, or one made from
$env:PIPEDREAM_API_KEY when there is none), or the connection given with -Connection. Without
any connection it fails with the terminating error PdNotConnected, which says how to connect. A
key the API refuses is a PdUnauthorized error.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdUser'
            Remarks = 'Shows the connected user''s id, username, email and orgs.'
        }
        @{
            Code    = 'Get-PdUser | Select-Object Username, DailyComputeTimeUsed, DailyComputeTimeQuota, BillingPeriodEnd'
            Remarks = 'Shows how much of the daily compute time quota (in milliseconds) is used and when the billing period ends.'
        }
        @{
            Code    = @'
$personal = Connect-PdAccount -ApiKey (Read-Host -AsSecureString 'Personal API key') -PassThru
$work = Connect-PdAccount -ApiKey (Read-Host -AsSecureString 'Work API key') -PassThru
(Get-PdUser -Connection $personal).Username, (Get-PdUser -Connection $work).Username
'@
            Remarks = 'Keeps two connections and asks each which user it is. Each Connect-PdAccount also makes its connection the current one; -Connection picks the account for one call.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdOrg', 'Connect-PdAccount', 'Get-PdContext')
}
