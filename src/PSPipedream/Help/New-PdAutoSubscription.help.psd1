@{
    Synopsis    = 'Subscribes a listener to an event stream of every workflow and source created from now on.'
    Description = @'
New-PdAutoSubscription sends POST /auto_subscriptions with listener_id and event_name in the
query string. From then on, each workflow or event source that is created delivers the events
of that stream to the listener; for example, '$errors' collects the errors of every new
workflow in one place. It does not cover workflows and sources that already exist: subscribe
the listener to those with New-PdSubscription (the glob p_* or dc_* covers them all). The
Pipedream UI does not show subscriptions made through the API.

-ListenerId is the source (dc_...), workflow (p_...) or webhook (wh_...) that receives the
events; it binds the Id of piped objects, so Get-PdWebhook output can be piped in.
-EventName is the stream: default (events emitted by sources, or by workflows with
$send.emit()), $errors or $logs. Quote names that start with '$'. -OrgId creates the
auto-subscription in an org (sent as org_id); without it the connection's default org is
used, else your own account.

The API reference does not describe the answer: when the API answers with an object, it is
written as a PSPipedream.AutoSubscription (Id, ListenerId, EventName); any other answer is
written as it came.

Input is checked before any request: the listener must start with dc_, p_ or wh_ and cannot
be a pattern, and -OrgId must start with o_ (PdInvalidArgument). The cmdlet supports -WhatIf
(which sends nothing) and -Confirm.
'@
    Examples    = @(
        @{
            Code    = 'New-PdAutoSubscription -ListenerId p_abc123 -EventName ''$errors'''
            Remarks = 'Sends the errors of every workflow and source created from now on to the workflow p_abc123, for example an error-alerting workflow.'
        }
        @{
            Code    = @'
$hook = New-PdWebhook -Url 'https://alerts.example.com/pipedream' -Name 'error-alerts'
$hook | New-PdAutoSubscription -EventName '$errors'
New-PdSubscription -EmitterId 'p_*' -ListenerId $hook.Id -EventName '$errors'
'@
            Remarks = 'Creates a webhook, auto-subscribes it to the errors of every new workflow and source, and subscribes it to the errors of every existing workflow as well.'
        }
        @{
            Code    = 'New-PdAutoSubscription -ListenerId dc_abc123 -EventName ''$logs'' -OrgId o_abc123 -WhatIf'
            Remarks = 'Shows the auto-subscription that would send the logs of new workflows and sources in the org o_abc123 to the source dc_abc123, and sends nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdSubscription', 'Get-PdSubscription', 'New-PdWebhook', 'Get-PdWorkflowError')
}
