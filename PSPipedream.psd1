@{
    RootModule           = 'PSPipedream.dll'

    # Placeholder: build.ps1 stamps the real version from Directory.Build.props into out/PSPipedream.
    ModuleVersion        = '0.0.0'

    GUID                 = '0539f804-7c73-4fcc-8f00-15956e48a3f2'
    Author               = 'PSPipedream contributors'
    CompanyName          = 'PSPipedream contributors'
    Copyright            = '(c) PSPipedream contributors.'
    Description          = 'Cmdlets for the Pipedream REST API v1: accounts, users, orgs and event sources, with streaming paging.'

    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'

    FormatsToProcess     = @('PSPipedream.Format.ps1xml')

    CmdletsToExport      = @(
        'Connect-PdAccount'
        'Disconnect-PdAccount'
        'Get-PdContext'
        'Get-PdOrg'
        'Get-PdSource'
        'Get-PdUser'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags       = @('Pipedream', 'REST', 'API', 'Automation', 'Workflows', 'EventSources', 'PSEdition_Desktop', 'PSEdition_Core')
        }
    }
}
