@{
    Synopsis    = 'Subscribes a source, workflow or webhook to the events of a source or workflow.'
    Description = @'
New-PdSubscription sends POST /subscriptions with emitter_id, listener_id and event_name in
the query string, and writes the new subscription as a PSPipedream.Subscription object. From
then on, events of the emitter are delivered to the listener. The Pipedream UI does not show
subscriptions made through the API.

-EmitterId is a source (dc_...) or a workflow (p_...), or the glob p_* (every workflow) or
dc_* (every source). -ListenerId is a source, a workflow or a webhook (wh_...). -EventName is
the stream to receive: default (events emitted by sources, or by workflows with
$send.emit()), $errors (errors thrown by workflows or sources) or $logs (logs of sources).
Quote names that start with '$'. Without -EventName no event name is sent. -OrgId creates the
subscription in an org (sent as org_id); without it the connection's default org is used,
else your own account.

-EmitterId binds the Id of piped objects, and -ListenerId and -EventName bind by property name
too, so Get-PdSource | New-PdSubscription -ListenerId p_abc123 subscribes a workflow to each
source.

Input is checked before any request: ids must have the right prefixes, the only emitter
patterns are p_* and dc_*, a listener cannot be a pattern, and -OrgId must start with o_. A
rejected value is a PdInvalidArgument error (non-terminating for piped input). The cmdlet
supports -WhatIf (which names emitter, listener and event and sends nothing) and -Confirm.
A source piped from Get-PdSource is named by id and name: dc_abc123 (rss-feed) -> p_abc123.
'@
    Examples    = @(
        @{
            Code    = 'New-PdSubscription -EmitterId dc_abc123 -ListenerId p_abc123'
            Remarks = 'Makes the workflow p_abc123 run on every event the source dc_abc123 emits, and writes the new subscription.'
        }
        @{
            Code    = "Get-PdSource -Name 'rss-*' | New-PdSubscription -ListenerId p_abc123"
            Remarks = 'Subscribes the workflow p_abc123 to every source whose name starts with rss-, so one workflow handles all the feeds.'
        }
        @{
            Code    = 'New-PdSubscription -EmitterId ''p_*'' -ListenerId wh_abc123 -EventName ''$errors'''
            Remarks = 'Delivers the errors thrown by every workflow to the webhook wh_abc123. The single quotes keep PowerShell from expanding $errors.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSubscription', 'Remove-PdSubscription', 'New-PdAutoSubscription', 'New-PdWebhook')
}
