@{
    Synopsis    = 'Creates many sources at once in the emulator.'
    Description = @'
Add-PdEmulatorSource sends POST /_emulator/seed: -Count sources named -NamePrefix (default
seed-) and a number, owned by -OwnerId (a user u_... or an org o_...) or the emulator's
first user. It is much faster than New-PdSource in a loop, for tests of paging or of
scripts that walk many sources. It writes a PSPipedream.PdEmulatorSeed: Count, FirstId and
LastId. -WhatIf sends nothing.
'@
    Examples    = @(
        @{
            Code    = @'
Add-PdEmulatorSource -Count 250 -NamePrefix test-
(Get-PdSource -All).Count
'@
            Remarks = 'Creates 250 sources; Get-PdSource -All then walks three pages and counts 250.'
        }
        @{
            Code    = 'Add-PdEmulatorSource -Count 5 -OwnerId o_emulator'
            Remarks = 'Creates five sources in the emulator''s default org, listed by Get-PdSource -OrgId o_emulator.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSource', 'Reset-PdEmulator')
}
