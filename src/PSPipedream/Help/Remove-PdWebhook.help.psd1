@{
    Synopsis    = 'Removes a webhook.'
    Description = @'
Remove-PdWebhook deletes a webhook with DELETE /webhooks/{id}. -Id binds the Id or WebhookId
property of piped objects, so webhooks from Get-PdWebhook can be piped in. The cmdlet writes
nothing.

The cmdlet has a ConfirmImpact of High and asks for confirmation of each webhook by default.
-Force removes without asking (unless -Confirm is also given). -WhatIf always wins: it names
each webhook that would be removed and sends nothing, even with -Force. A webhook piped from
Get-PdWebhook is named by id and name, as wh_abc123 (ops-alerts); with -Id alone, by id.

The webhook id is checked before any request: one that does not start with wh_ is a
PdInvalidArgument error for that item (non-terminating for piped input). A failure on one
piped webhook, such as PdNotFound, does not stop the others.
'@
    Examples    = @(
        @{
            Code    = 'Remove-PdWebhook -Id wh_abc123'
            Remarks = 'Asks for confirmation, then removes the webhook wh_abc123.'
        }
        @{
            Code    = 'Get-PdWebhook -All | Where-Object Name -like ''test-*'' | Remove-PdWebhook -Force'
            Remarks = 'Removes, without asking, every webhook whose name starts with test-.'
        }
        @{
            Code    = 'Get-PdWebhook -All | Remove-PdWebhook -WhatIf'
            Remarks = 'Lists every webhook that would be removed and removes nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdWebhook', 'New-PdWebhook', 'Remove-PdSubscription')
}
