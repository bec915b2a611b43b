@{
    Synopsis    = 'Puts the emulator back to its state just after it started.'
    Description = @'
Reset-PdEmulator sends POST /_emulator/reset: sources, events, subscriptions, webhooks,
workflows made with New-PdEmulatorWorkflow, the request log and the faults go, and steady
emitting (Send-PdEmulatorEvent -Every) stops; users, keys, orgs and the users' declared
workflows stay. Use it between tests.

Like every emulator cmdlet it talks to -Emulator, else the emulator started last in this
session, else the host of the current connection when that is on loopback. Any other host
is refused with PdEmulatorNotLocal before a request is sent. It goes to that host directly,
never through a proxy (HTTP_PROXY and the like are ignored), and follows no redirect.

An answer that is not the control API's (a redirect, an error status, a body that is not
the JSON expected) fails with PdEmulatorControlFailed; no answer within -TimeoutSeconds
(default 10) fails with PdTimeout. -WhatIf sends nothing.
'@
    Examples    = @(
        @{
            Code    = 'Reset-PdEmulator'
            Remarks = 'Empties the emulator started last in this session.'
        }
        @{
            Code    = 'Reset-PdEmulator -Emulator http://127.0.0.1:45001/'
            Remarks = 'Resets an emulator that another process started, given by its root URI.'
        }
    )
    Links       = @('about_PSPipedream', 'Start-PdEmulator', 'Clear-PdEmulatorRequest', 'Clear-PdEmulatorFault')
}
