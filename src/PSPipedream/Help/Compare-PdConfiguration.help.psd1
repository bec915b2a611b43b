@{
    Synopsis    = 'Compares your account or an org with a configuration document and writes each difference.'
    Description = @'
Compare-PdConfiguration reads the live account as Export-PdConfiguration does, reads and checks
the document (-Path, or -InputObject: the text Export-PdConfiguration writes or -PassThru gives,
also lines piped from Get-Content), and writes one PSPipedream.ConfigurationChange per
difference: Action (Create, Update, Replace or Remove), Kind (Source, Subscription or Webhook),
Name, the live Id where there is one, and Changes, each a property (active, component,
props.<name>, url, description) with its Live and Wanted value. Nothing is written when the
account matches the document.

Remove means the account holds something the document does not. Values are normalised before
they are compared, so an account just exported compares clean: null equals absent, key order
and the case of keys do not matter, numbers compare by value, and a timer's
{"intervalSeconds": 60} equals the API's {"cron": null, "interval_seconds": 60}. A secret
placeholder matches any live value.

A document that is not valid stops the command with PdInvalidConfiguration, whose message names
the JSON path of the problem: text that is not JSON, an unknown format version, a missing
required field, duplicate names, or a subscription naming a source or webhook that is neither
in the document nor in the account. Its exception (PSPipedream.PdConfigurationException) has
the path as JsonPath. A read that fails after the connection's retries stops the
command with that error: items that could not be listed are never reported as missing.
Sources or webhooks in the account that share a name stop it with PdAmbiguousName, whose
exception lists them as Names.

-Include Source, Subscription, Webhook compares only those kinds; subscriptions whose ends are
out of scope are left alone.
'@
    Examples    = @(
        @{
            Code    = 'Compare-PdConfiguration -Path ./pipedream.json'
            Remarks = 'Shows what differs between the account and the file, as a table of changes.'
        }
        @{
            Code    = 'Compare-PdConfiguration ./pipedream.json | Where-Object Action -eq Update | Select-Object -ExpandProperty Changes'
            Remarks = 'Lists, for every item changed since the export, each property with its live and wanted value.'
        }
        @{
            Code    = 'Get-Content ./pipedream.json | Compare-PdConfiguration -Include Source'
            Remarks = 'Compares only the sources, with the document piped in as lines.'
        }
    )
    Links       = @('about_PSPipedream', 'Export-PdConfiguration', 'Test-PdConfiguration')
}
