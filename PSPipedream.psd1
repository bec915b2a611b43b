# The source of the module manifest. build.ps1 stamps ModuleVersion (from Directory.Build.props) and
# ReleaseNotes (the current version's section of CHANGELOG.md) into out/PSPipedream/PSPipedream.psd1,
# which is the manifest that ships; edit this file, not that one.
@{
    RootModule           = 'PSPipedream.dll'

    # Placeholder: build.ps1 stamps the real version from Directory.Build.props into out/PSPipedream.
    ModuleVersion        = '0.0.0'

    GUID                 = '0539f804-7c73-4fcc-8f00-15956e48a3f2'
    Author               = 'PSPipedream contributors'
    CompanyName          = 'PSPipedream contributors'
    Copyright            = '(c) PSPipedream contributors.'
    Description          = 'Cmdlets for the Pipedream REST API v1: sources, source events, components, subscriptions, webhooks, workflow emits and errors, users and orgs; streaming paging and -WhatIf on every change.'

    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # netstandard2.0 assemblies load reliably on .NET Framework from 4.7.2 on (Windows PowerShell 5.1 only).
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess     = @('PSPipedream.Format.ps1xml', 'PSPipedream.List.Format.ps1xml', 'PSPipedream.Local.Format.ps1xml')

    CmdletsToExport      = @(
        'Add-PdEmulatorFault'
        'Add-PdEmulatorSource'
        'Clear-PdEmulatorFault'
        'Clear-PdEmulatorRequest'
        'Compare-PdConfiguration'
        'Connect-PdAccount'
        'Disable-PdSource'
        'Disconnect-PdAccount'
        'Enable-PdSource'
        'Export-PdConfiguration'
        'Get-PdComponent'
        'Get-PdContext'
        'Get-PdEmulatorRequest'
        'Get-PdEvent'
        'Get-PdOrg'
        'Get-PdSource'
        'Get-PdSubscription'
        'Get-PdUser'
        'Get-PdWebhook'
        'Get-PdWorkflowError'
        'Get-PdWorkflowEvent'
        'Import-PdConfiguration'
        'Invoke-PdApi'
        'New-PdAutoSubscription'
        'New-PdComponent'
        'New-PdEmulatorWorkflow'
        'New-PdSource'
        'New-PdSubscription'
        'New-PdWebhook'
        'Remove-PdEvent'
        'Remove-PdSource'
        'Remove-PdSubscription'
        'Remove-PdWebhook'
        'Reset-PdEmulator'
        'Send-PdEmulatorEvent'
        'Set-PdSource'
        'Start-PdEmulator'
        'Stop-PdEmulator'
        'Test-PdConfiguration'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Pipedream', 'REST', 'API', 'Automation', 'Workflows', 'EventSources', 'PSEdition_Desktop', 'PSEdition_Core')

            # Placeholder: build.ps1 stamps the current version's section of CHANGELOG.md here.
            ReleaseNotes = ''
        }
    }
}
