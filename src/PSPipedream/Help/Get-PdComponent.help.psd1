@{
    Synopsis    = 'Gets Pipedream components by saved id or key, from your account or the global registry.'
    Description = @'
Get-PdComponent gets one component per -Key value and writes each as a PSPipedream.Component
object: Id, Key, Name, Version, Code, CodeHash, ConfigurableProps (the props a source made
from the component takes, each a PSPipedream.ConfigurableProp with Name, Type, Label,
Description and Default), CreatedAt and UpdatedAt.

Without -Registry it calls GET /components/{key or id}, which finds a component saved in your
account by its id (sc_...) or its key. With -Registry it calls GET /components/registry/{key},
which finds a component published in Pipedream's global registry by its key, such as
rss-new-item-in-feed.

-Key binds the ComponentId or ComponentKey property of piped objects, so
Get-PdSource | Get-PdComponent gets the component each source runs.

Each key is checked before its request: an empty key, one with white space, or the id of
another kind of resource (dc_, p_, u_, o_, wh_, sub_, d_) is a PdInvalidArgument error. A key
that is not found is a non-terminating PdNotFound error naming the key; the other keys are
still looked up.
'@
    Examples    = @(
        @{
            Code    = 'Get-PdComponent -Key rss-new-item-in-feed -Registry | Select-Object -ExpandProperty ConfigurableProps'
            Remarks = 'Shows the props of the registry RSS component (such as url and timer, with their types, labels and defaults) before a source is deployed from it.'
        }
        @{
            Code    = 'Get-PdSource -All | Get-PdComponent | Sort-Object Id -Unique | Select-Object Id, Key, Name, Version'
            Remarks = 'Gets the component of every source and lists each distinct component once.'
        }
        @{
            Code    = 'Get-PdComponent sc_abc123 | Select-Object -ExpandProperty Code | Set-Content -Path ./sc_abc123.js'
            Remarks = 'Saves the code of the component sc_abc123 to a local file.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdComponent', 'New-PdSource', 'Get-PdSource')
}
