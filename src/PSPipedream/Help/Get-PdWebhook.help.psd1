@{
    Synopsis    = 'Gets the webhooks of your Pipedream account.'
    Description = @'
Get-PdWebhook lists your webhooks with GET /users/me/webhooks and writes each one as a
PSPipedream.Webhook object: Id (wh_...), Name, Description, Url, Active, UserId, OrgId (when
the API says), CreatedAt and UpdatedAt (UTC). Webhooks are URLs that subscriptions deliver
events to; they belong to the account, so the cmdlet has no -OrgId.

The objects can be piped to Remove-PdWebhook, and their Id binds to -ListenerId of
New-PdAutoSubscription.

Paging: without -All it reads one page of up to 100 webhooks (or -PageSize), and warns when
there are more. -All reads every page, 100 a request unless -PageSize says otherwise. -First N
asks only for what it needs, -Skip N skips webhooks on the client, and -IncludeTotalCount
writes the API's total count first. Webhooks are written as each page arrives, so a downstream
Select-Object -First stops further requests. -After and -Before take the cursors of an earlier
page (shown by -Verbose). -Property and -ExcludeProperty ask the API for fewer fields.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdWebhook -All | Select-Object Id, Name, Url, Active'
            Remarks = 'Lists every webhook of the account with its id, name, URL and state.'
        }
        @{
            Code    = 'Get-PdWebhook -All | Where-Object Url -like ''*old-host.example.com*'' | Remove-PdWebhook -WhatIf'
            Remarks = 'Shows which webhooks that still point at an old host would be removed, and removes nothing.'
        }
        @{
            Code    = 'Get-PdWebhook -All | ForEach-Object { Get-PdSubscription -All -ListenerId $_.Id }'
            Remarks = 'For each webhook, lists the subscriptions that deliver events to it.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdWebhook', 'Remove-PdWebhook', 'New-PdSubscription', 'New-PdAutoSubscription')
}
