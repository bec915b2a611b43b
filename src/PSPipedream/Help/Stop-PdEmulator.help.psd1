@{
    Synopsis    = 'Stops an emulator that Start-PdEmulator started.'
    Description = @'
Stop-PdEmulator ends the emulator process given by -Emulator, or else the one started last
in this session. It is idempotent: an emulator that has already exited, or no emulator at
all, is not an error. An emulator given only by its root URI (not started by this session)
is left running.
'@
    Examples    = @(
        @{
            Code    = @'
$emulator = Start-PdEmulator -Connect
try { Get-PdSource -All } finally { Stop-PdEmulator -Emulator $emulator }
'@
            Remarks = 'Makes sure the emulator ends even when a command in between fails.'
        }
        @{
            Code    = 'Stop-PdEmulator'
            Remarks = 'Stops the emulator started last in this session.'
        }
    )
    Links       = @('about_PSPipedream', 'Start-PdEmulator')
}
