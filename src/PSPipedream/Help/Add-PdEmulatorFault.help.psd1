@{
    Synopsis    = 'Makes the emulator fail or misbehave for the next matching API requests.'
    Description = @'
Add-PdEmulatorFault sends POST /_emulator/faults. The next -Count requests (default 1)
whose method is -Method (default *, any) and whose path matches -Path (a glob; * is any run
of characters; the query is not part of it) get the fault instead of the normal answer:

-Status answers that HTTP status with {"error": "injected fault"}, with a Retry-After
header when -RetryAfter is given (seconds or an HTTP date), e.g. a 429 to try a script's
retries; -Abort drops the connection; -Truncate sends half of the JSON body; -NonJson
sends an HTML page; -NoData sends {} without running the request; -RepeatCursor hands a
list page's own cursors back; -Delay waits that many milliseconds, then answers normally.

It writes the fault (PSPipedream.PdEmulatorFault). Clear-PdEmulatorFault and
Reset-PdEmulator remove faults. -WhatIf sends nothing.
'@
    Examples    = @(
        @{
            Code    = "Add-PdEmulatorFault -Method GET -Path '/v1/users/me/sources*' -Status 429 -RetryAfter 1 -Count 2"
            Remarks = 'The next two source listings are rate limited with Retry-After: 1; the module retries and the third attempt succeeds.'
        }
        @{
            Code    = "Add-PdEmulatorFault -Path '/v1/sources/*' -Abort"
            Remarks = 'Drops the connection of the next request to a single source, to test how a script deals with a network failure.'
        }
        @{
            Code    = "Add-PdEmulatorFault -Path '/v1/users/me' -Delay 2000"
            Remarks = 'Answers the next GET /v1/users/me two seconds late.'
        }
    )
    Links       = @('about_PSPipedream', 'Clear-PdEmulatorFault', 'Get-PdEmulatorRequest')
}
