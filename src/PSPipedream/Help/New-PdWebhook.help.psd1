@{
    Synopsis    = 'Creates a webhook, a URL that subscriptions can deliver events to.'
    Description = @'
New-PdWebhook sends POST /webhooks with url, name and description in the query string and
writes the new webhook as a PSPipedream.Webhook object. Its Id (wh_...) is what
New-PdSubscription and New-PdAutoSubscription take as the listener; Pipedream then posts the
events of the subscribed emitters to the URL, without running a workflow.

The URL must be an http or https URL with a host, such as https://example.com:8443/events,
with no white space or control characters anywhere (not even a leading or trailing space) and
no user name or password before the host (https://user:pass@host would put the password in
every log that records the URL). That is checked before any request, and anything else (no
scheme, another scheme such as mysql://) is a PdInvalidArgument error, non-terminating for
piped input; the message shows the URL with any user info replaced by ***. -Name and
-Description are shown when listing webhooks.

-Url, -Name and -Description bind by property name, so rows of a CSV file with those columns
can be piped in. The cmdlet supports -WhatIf (which names the URL, with -Name in parentheses,
and sends nothing) and -Confirm.
'@
    Examples    = @(
        @{
            Code    = 'New-PdWebhook -Url ''https://alerts.example.com/pipedream'' -Name ''error-alerts'' -Description ''Workflow errors for the on-call channel'''
            Remarks = 'Creates a webhook that delivers to https://alerts.example.com/pipedream and writes it, with its wh_ id.'
        }
        @{
            Code    = @'
$hook = New-PdWebhook -Url 'https://ingest.example.com/pd' -Name 'ingest'
Get-PdSource -Name 'rss-*' | New-PdSubscription -ListenerId $hook.Id
'@
            Remarks = 'Creates a webhook and subscribes it to every rss-* source, so their events are posted to the ingest endpoint.'
        }
        @{
            Code    = 'Import-Csv -Path ./webhooks.csv | New-PdWebhook -WhatIf'
            Remarks = 'Shows the webhooks that would be created from the Url, Name and Description columns of webhooks.csv, and sends nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdWebhook', 'Remove-PdWebhook', 'New-PdSubscription', 'New-PdAutoSubscription')
}
