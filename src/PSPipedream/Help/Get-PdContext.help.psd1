@{
    Synopsis    = 'Gets the current Pipedream connection: where, as whom, and which key.'
    Description = @'
Get-PdContext writes the current connection as a PSPipedream.PdConnection object, or nothing
when there is none. It sends no request.

The object shows Username, UserId, OrgId (the default org, or empty), BaseUri, KeySource
(Parameter, Environment or Profile:<name>), ApiKeyHint (the last four characters of the key,
never the key itself), ConnectedAt (when the key was checked, UTC) and Timeout (the time
allowed for each request, 60 seconds by default). Timeout can be changed on the object.

The same object is what Connect-PdAccount -PassThru writes and what every API cmdlet takes as
-Connection.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdContext'
            Remarks = 'Shows the user, default org, base URI, key source and key hint of the current connection.'
        }
        @{
            Code    = "if (-not (Get-PdContext)) { Connect-PdAccount -ProfileName work }"
            Remarks = 'Connects only when the session has no current connection yet, as a script might do before its first API call.'
        }
        @{
            Code    = '(Get-PdContext).Timeout = [timespan]::FromMinutes(2)'
            Remarks = 'Allows each request of the current connection two minutes instead of 60 seconds before it fails with PdTimeout.'
        }
    )
    Links       = @('about_PSPipedream', 'Connect-PdAccount', 'Disconnect-PdAccount', 'Get-PdUser')
}
