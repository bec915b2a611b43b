@{
    Synopsis    = 'Creates many sources at once in the emulator.'
    Description = @'
Add-PdEmulatorSource sends POST /_emulator/seed: -Count sources named -NamePrefix (default
seed-) and a number, owned by -OwnerId (a user u_... or an org o_...) or the emulator's
first user. It is much faster than New-PdSource in a loop, for tests of paging or of
scripts that walk many sources. It writes a PSPipedream.PdEmulatorSeed: Count, FirstId and
LastId. -WhatIf sends nothing.

-CreatedAt backdates the sources: their CreatedAt and UpdatedAt are that time (to the
second). A DateTime without a zone is local time and is converted to UTC; a time in the
future or before 1970 is refused with PdInvalidArgument before anything is sent.
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
        @{
            Code    = 'Add-PdEmulatorSource -Count 3 -NamePrefix stale- -CreatedAt (Get-Date).AddDays(-90)'
            Remarks = 'Creates three sources made 90 days ago (and never changed since), for testing a script that looks at how old sources are.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdSource', 'Reset-PdEmulator')
}
