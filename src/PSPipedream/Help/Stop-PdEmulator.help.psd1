@{
    Synopsis    = 'Stops an emulator that Start-PdEmulator started.'
    Description = @'
Stop-PdEmulator ends the emulator process given by -Emulator, or else the one started last
in this session: it asks the emulator to stop on its own first (so a -DataFile gets its last
write) and ends the process if it has not stopped within 5 seconds. It is idempotent: an emulator that has already exited, or no emulator at
all, is not an error. An emulator given only by its root URI (not started by this session)
is left running.

When the emulator was started with -Connect, the connection it replaced becomes current
again; when there was none, its own connection is cleared, and a cmdlet run next says it is
not connected at once rather than retrying a port where nothing listens. A connection made
since (Connect-PdAccount) stays current. -Verbose says which of these it did. When the
current connection still points at the emulator it stopped (a connection made by hand, not by
-Connect), a warning says so.
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
        @{
            Code    = @'
Connect-PdAccount -ProfileName work
Start-PdEmulator -Connect | Out-Null
Get-PdSource                # from the emulator
Stop-PdEmulator -Verbose    # VERBOSE: Restored the connection Start-PdEmulator -Connect replaced: ...
Get-PdSource                # from the work account again
'@
            Remarks = 'A test, or a try at the prompt, against the emulator leaves the console connected where it was.'
        }
    )
    Links       = @('about_PSPipedream', 'Start-PdEmulator')
}
