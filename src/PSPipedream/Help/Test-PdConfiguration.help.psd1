@{
    Synopsis    = 'Tells whether your account or an org matches a configuration document: $true or $false.'
    Description = @'
Test-PdConfiguration does what Compare-PdConfiguration does and writes only $true, when the
account matches the document, or $false, when there is at least one difference. A scheduled
drift check is then one line.

It takes the same parameters as Compare-PdConfiguration, and fails in the same way: a document
that is not valid stops it with PdInvalidConfiguration naming the JSON path, and a read that
fails after the connection's retries stops it with that error, so a throttled or failing API is
never taken for drift (nor for a match).
'@
    Examples    = @(
        @{
            Code    = 'if (-not (Test-PdConfiguration ./pipedream.json)) { Compare-PdConfiguration ./pipedream.json | Out-String | Write-Warning }'
            Remarks = 'A nightly drift check: warns with the differences when the account no longer matches the file.'
        }
        @{
            Code    = 'Test-PdConfiguration -Path ./pipedream.json -Include Webhook'
            Remarks = 'Checks only the webhooks.'
        }
    )
    Links       = @('about_PSPipedream', 'Compare-PdConfiguration', 'Export-PdConfiguration')
}
