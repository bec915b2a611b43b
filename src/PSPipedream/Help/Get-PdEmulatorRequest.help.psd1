@{
    Synopsis    = 'Lists the API requests the emulator received, oldest first.'
    Description = @'
Get-PdEmulatorRequest reads the emulator's request log (GET /_emulator/requests): one
PSPipedream.PdEmulatorRequest per API call, with Seq, ReceivedAt (UTC), Method,
Path, Query, Body (the JSON text), BodyTruncated, Status, DurationMs and Fault. Control
calls are not logged, and the log never holds the API key.

-Since gives only the requests after a sequence number, -Method and -Path (a wildcard)
filter, and -Last keeps the newest N of those that match. Tests use it to check what a
script sent.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdEmulatorRequest -Method DELETE -Path /v1/sources/*'
            Remarks = 'Lists every source deletion the emulator received.'
        }
        @{
            Code    = @'
$mark = (Get-PdEmulatorRequest -Last 1).Seq
Get-PdSource -All | Out-Null
Get-PdEmulatorRequest -Since $mark | Select-Object Method, Path, Query, Status
'@
            Remarks = 'Shows only the requests Get-PdSource -All made, page by page.'
        }
    )
    Links       = @('about_PSPipedream', 'Clear-PdEmulatorRequest', 'Start-PdEmulator')
}
