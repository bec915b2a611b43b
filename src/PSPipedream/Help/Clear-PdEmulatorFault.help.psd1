@{
    Synopsis    = 'Removes every fault added with Add-PdEmulatorFault.'
    Description = @'
Clear-PdEmulatorFault sends DELETE /_emulator/faults: requests are answered normally again.
Nothing else in the emulator changes. -WhatIf sends nothing.
'@
    Examples    = @(
        @{
            Code    = @'
Add-PdEmulatorFault -Path '/v1/*' -Status 503 -Count 100
Clear-PdEmulatorFault
'@
            Remarks = 'Adds a fault, then removes it before any request gets it.'
        }
    )
    Links       = @('about_PSPipedream', 'Add-PdEmulatorFault')
}
