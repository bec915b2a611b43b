@{
    Synopsis    = 'Exports the sources, subscriptions and webhooks of your account or an org as one JSON document.'
    Description = @'
Export-PdConfiguration reads every page of the account's sources (or, with -OrgId, the org's),
its subscriptions and webhooks, and the components the sources use, and writes them as one JSON
document made to live in git and be edited by hand: a format version, the owner it came from,
and the arrays sources, subscriptions, webhooks and components (the code of each component the
sources use, kept once). Sources and webhooks are matched by name, never by id, so a
subscription names its ends by source or webhook name; a workflow stays its p_ id.

The document is deterministic: keys in a fixed order, arrays sorted by name, two-space
indentation, no timestamp. Two exports of an unchanged account are byte-identical, written as
UTF-8 without a byte order mark on every platform.

What the document leaves out: the value of every prop that the component declares secret, and
app connections, are written as placeholders that name them; fields the server generates (ids,
timestamps, an HTTP source's endpoint URL); auto-subscriptions, which the API cannot list
(recreate them with New-PdAutoSubscription); event history; and workflows themselves.
As a second guard, a prop whose name reads like a secret (token, secret, password, api_key,
private_key, access_key, credential...) and that holds text is written as a secret placeholder
too, even when its component does not flag it, with one warning naming the source and the prop:
a secret never reaches the file silently.

Two sources or two webhooks with the same name cannot be matched by name: the export stops
with the error PdAmbiguousName listing the names, unless -Force, which writes them with a
warning. A read that fails after the connection's retries stops the export with that error;
nothing is written.

Without -Path the JSON text is written to the pipeline. With -Path it is written to the file
(-WhatIf shows the file and writes nothing; -NoClobber keeps an existing file), and -PassThru
writes the text to the pipeline too. -Include Source, Subscription, Webhook exports only those
kinds.

-As Mermaid writes, instead of the JSON, the same document drawn as a Mermaid flowchart
(flowchart LR) that GitHub, GitLab and VS Code render as they are: sources, workflows (by p_ id),
webhooks and globs such as p_* as nodes, each subscription as an arrow labelled with its event
name where it has one, and the sources that nothing listens to drawn dashed (class unheard).
The picture is for reading; Compare-, Test- and Import-PdConfiguration read only the JSON.
'@
    Examples    = @(
        @{
            Code    = 'Export-PdConfiguration -Path ./pipedream.json'
            Remarks = 'Writes the account''s sources, subscriptions and webhooks to pipedream.json, ready to commit to git.'
        }
        @{
            Code    = 'Export-PdConfiguration -OrgId o_abc123 -Path ./org.json -Force'
            Remarks = 'Exports an org, writing sources that share a name anyway, with a warning naming them.'
        }
        @{
            Code    = '$doc = Export-PdConfiguration -Include Source; Compare-PdConfiguration -InputObject $doc'
            Remarks = 'Keeps the sources as text in a variable, then later compares the account with it.'
        }
        @{
            Code    = 'Export-PdConfiguration -As Mermaid -Path ./who-listens.mmd'
            Remarks = 'Draws who listens to what as a Mermaid flowchart; paste it into a ```mermaid block of a README or issue to see it rendered.'
        }
    )
    Links       = @('about_PSPipedream', 'Compare-PdConfiguration', 'Test-PdConfiguration', 'New-PdAutoSubscription')
}
