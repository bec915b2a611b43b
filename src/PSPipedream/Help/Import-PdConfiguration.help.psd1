@{
    Synopsis    = 'Makes your account or an org match a configuration document: creates, updates and, with -Prune, deletes.'
    Description = @'
Import-PdConfiguration reads the live account as Compare-PdConfiguration does, reads and checks
the document (-Path, or -InputObject: the text Export-PdConfiguration writes, also lines piped
from Get-Content), and makes the account match it. It writes in stages, each done before the
next: webhooks; the components the account lacks (matched by code hash, saved from the code in
the document); sources (created, or updated in place with PUT: name, active, props, component);
subscriptions, whose ids come from the stages before; and, with -Prune, removals last,
subscriptions before the sources and webhooks they name. Within a stage up to -ThrottleLimit
writes (default 4) are in flight at once.

A webhook cannot be changed through the API, so a changed webhook is Replaced: a new one is
created, the subscriptions that pointed at the old one are moved to it, and only then is the old
one deleted. The old one is deleted even without -Prune, because it is the same webhook changed
the only way the API allows; the prompt and the What-if line say so: "Replace webhook: creates
the new webhook, moves 2 subscriptions to it, deletes the old one". Its id changes.

With -Confirm each change is asked first, naming the source, webhook or subscription and its live
id where it has one. Answering No skips that change and what depends on it (Result "Skipped
because ..."); No to All sends nothing more. Looking a component up is a read and is not asked.

A source whose component the file names only by key (no code, and no code hash the account
holds) is deployed by the id that key is looked up to, first among the account's components,
then in the registry; a key found in neither is PdNotFound for the sources that use it.

A read that fails during the import (such a lookup, after the connection's retries) is an error
for that item that says the stage the import was in and how many changes were done before it;
the items that need it are Skipped, never taken for absent. When anything was not made, the run
ends with one warning counting what was done, failed and skipped.

Without -Prune nothing is deleted, and the run ends with one warning that counts what the
account holds and the file does not. With -Prune each removal asks first (ConfirmImpact High);
-Force skips the question, -WhatIf still wins.

Each change made is written as a PSPipedream.ConfigurationChange, as Compare-PdConfiguration
writes it, with Result: Done, "Failed: " and the error, or "Skipped because" and why. A failure
is a non-terminating error for its item; the items that depend on it (a subscription whose
source could not be created) are Skipped; everything else goes ahead. Running the import again
finishes the job without creating anything twice. Importing the file just exported sends no
write at all.

The document is checked before any write; each problem is PdInvalidConfiguration naming the JSON
path: text that is not JSON, an unknown format version, a missing required field, duplicate
names, a subscription naming a source or webhook that is neither in the file nor in the account,
a secret placeholder with no -Secret value for a source that must be created, and a source to
create whose component is known only by a code hash that neither the file nor the account holds.
The error's exception is a PSPipedream.PdConfigurationException whose JsonPath a script can read
($_.Exception.JsonPath, e.g. $.sources[3].name). On an update a placeholder leaves the live value
alone.

-OrgId creates in that org. -WorkflowMap rewrites workflow ids (p_...) in the file's
subscriptions before the checks; a workflow that does not exist in the account is reported as a
failed subscription (the API's error), never dropped. -Include Source, Subscription, Webhook
scopes the work; subscriptions whose ends are out of scope are left alone.
'@
    Examples    = @(
        @{
            Code    = 'Import-PdConfiguration -Path ./pipedream.json -WhatIf'
            Remarks = 'Shows the plan as "What if" lines and sends nothing but reads.'
        }
        @{
            Code    = 'Import-PdConfiguration ./pipedream.json -Secret @{ ''feed.token'' = (Read-Host -AsSecureString) } | Where-Object Result -ne Done'
            Remarks = 'Restores an account from a backup, giving the value of a secret prop, and lists what did not go through.'
        }
        @{
            Code    = 'Import-PdConfiguration ./pipedream.json -OrgId o_team -WorkflowMap @{ p_abc123 = ''p_def456'' }'
            Remarks = 'Copies the sources and subscriptions into an org, pointing the subscriptions at that org''s copy of a workflow.'
        }
        @{
            Code    = 'Import-PdConfiguration ./pipedream.json -Prune -Force'
            Remarks = 'Makes the account match the file exactly, deleting what the file does not hold without asking.'
        }
        @{
            Code    = 'try { Import-PdConfiguration ./pipedream.json -ErrorAction Stop } catch [PSPipedream.PdConfigurationException] { "Fix the file at $($_.Exception.JsonPath)" }'
            Remarks = 'A script that points at the place in the file that was refused; nothing was sent.'
        }
        @{
            Code    = 'Import-PdConfiguration ./pipedream.json -Include Webhook'
            Remarks = 'Imports only the webhooks; sources and subscriptions are left alone.'
        }
    )
    Links       = @('about_PSPipedream', 'Export-PdConfiguration', 'Compare-PdConfiguration', 'Test-PdConfiguration')
}
