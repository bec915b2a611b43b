@{
    Synopsis    = 'Empties the emulator''s request log.'
    Description = @'
Clear-PdEmulatorRequest sends DELETE /_emulator/requests, so that Get-PdEmulatorRequest
afterwards shows only what came later. Nothing else in the emulator changes. -WhatIf sends
nothing.
'@
    Examples    = @(
        @{
            Code    = @'
Clear-PdEmulatorRequest
Get-PdUser | Out-Null
Get-PdEmulatorRequest
'@
            Remarks = 'Clears the log, then shows the one GET /v1/users/me that Get-PdUser sent.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdEmulatorRequest')
}
