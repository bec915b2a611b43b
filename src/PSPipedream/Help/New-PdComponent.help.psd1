@{
    Synopsis    = 'Saves a component in your Pipedream account from its code, a file or a URL.'
    Description = @'
New-PdComponent saves a component with POST /components and writes the saved component as a
PSPipedream.Component object, with its id (sc_...), key, version, code and ConfigurableProps,
the props a source made from it takes. Deploy it with New-PdSource -ComponentId, or pipe it
to New-PdSource.

The code comes from one of three parameter sets: -Code, the full code as a string (sent as
component_code); -Path, a file whose text is sent as component_code; or -Url, the URL where
the code is hosted, such as a file on GitHub (sent as component_url). -Path takes wildcards
and binds the FullName of piped files, so Get-ChildItem *.js | New-PdComponent saves each
file; every file is a separate request and a separate component.

-Path is resolved before any request. A path that matches no file (PdFileNotFound), a
directory or a path outside the file system (PdInvalidArgument) is a terminating error when
-Path is given directly, and a non-terminating one for piped files, so the next file is still
saved. A file that cannot be read is a PdFileReadFailed error.

New-PdComponent supports -WhatIf (which names each file, URL or the size of the code and
sends nothing) and -Confirm.
'@
    Examples    = @(
        @{
            Code    = 'New-PdComponent -Path ./components/new-ticket.js'
            Remarks = 'Saves the component in new-ticket.js and writes it, with the id to deploy it by.'
        }
        @{
            Code    = 'Get-ChildItem ./components -Filter *.js | New-PdComponent | Select-Object Id, Key, Version'
            Remarks = 'Saves every .js file of the components folder as its own component and lists the id, key and version of each.'
        }
        @{
            Code    = "New-PdComponent -Url 'https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js' | New-PdSource -Name 'rss-company-blog' -Props @{ url = 'https://blog.example.com/feed.xml' }"
            Remarks = 'Saves the RSS component from its URL on GitHub, then deploys it as a source named rss-company-blog that watches the company blog feed.'
        }
    )
    Links       = @('about_PSPipedream', 'Get-PdComponent', 'New-PdSource', 'Set-PdSource')
}
