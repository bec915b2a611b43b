@{
    Synopsis    = 'Forgets the current Pipedream connection.'
    Description = @'
Disconnect-PdAccount clears the current connection that Connect-PdAccount (or the first
cmdlet, from environment variables) set for the process. It sends no request and writes
nothing; -Verbose names the connection it forgot. When there is no current connection it
does nothing and reports no error.

Connection objects kept from Connect-PdAccount -PassThru keep working with -Connection.
After a disconnect, the next API cmdlet without -Connection connects again from
$env:PIPEDREAM_API_KEY if it is set; otherwise it fails with the ErrorId PdNotConnected.
'@
    Examples    = @(
        @{
            Code    = @'
Disconnect-PdAccount
Get-PdContext
'@
            Remarks = 'Forgets the current connection. Get-PdContext then writes nothing.'
        }
        @{
            Code    = @'
try {
    Connect-PdAccount -ProfileName work
    Get-PdSource -All | Export-Csv -Path sources.csv -NoTypeInformation
}
finally {
    Disconnect-PdAccount
}
'@
            Remarks = 'Exports every source of the work account to a CSV file and makes sure the script leaves no current connection behind, even when a command fails.'
        }
    )
    Links       = @('about_PSPipedream', 'Connect-PdAccount', 'Get-PdContext')
}
