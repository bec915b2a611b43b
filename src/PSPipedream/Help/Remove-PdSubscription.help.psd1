@{
    Synopsis    = 'Removes a subscription, so events of its emitter are no longer delivered to its listener.'
    Description = @'
Remove-PdSubscription sends DELETE /subscriptions with emitter_id, listener_id and event_name
in the query string. A subscription is named by these three values, not by its id, and they
must match the subscription exactly. For a subscription made without an event name, leave
-EventName out (or pass ''): the cmdlet then sends an empty event_name=, as the API requires.

-EmitterId, -ListenerId and -EventName bind by property name, so subscriptions from
Get-PdSubscription can be piped in, filtered or not. The cmdlet writes nothing.

Input is checked before any request: the emitter must be a source (dc_...), a workflow
(p_...) or the glob p_* or dc_*, and the listener a source, a workflow or a webhook (wh_...).
A rejected value is a PdInvalidArgument error (non-terminating for piped input). The cmdlet
supports -WhatIf (which names emitter, listener and event, with the name of a piped emitter
or listener where the piped object has one, and sends nothing) and -Confirm;
its ConfirmImpact is Medium, so it does not ask by default.
'@
    Examples    = @(
        @{
            Code    = 'Remove-PdSubscription -EmitterId dc_abc123 -ListenerId p_abc123'
            Remarks = 'Stops delivering the events of the source dc_abc123 to the workflow p_abc123 (a subscription made without an event name).'
        }
        @{
            Code    = 'Get-PdSubscription -All | Where-Object ListenerId -eq p_abc123 | Remove-PdSubscription'
            Remarks = 'Removes every subscription that delivers events to the workflow p_abc123, whatever its emitter and event name.'
        }
        @{
            Code    = 'Remove-PdSubscription -EmitterId ''p_*'' -ListenerId wh_abc123 -EventName ''$errors'' -WhatIf'
            Remarks = 'Shows the subscription that delivers the errors of every workflow to the webhook wh_abc123 would be removed, and sends nothing.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSubscription', 'New-PdSubscription', 'Remove-PdWebhook')
}
