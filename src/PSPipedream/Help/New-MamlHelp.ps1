<#
.SYNOPSIS
    Writes the MAML help file of the built module (PSPipedream.dll-Help.xml).

.DESCRIPTION
    Imports the laid-out module and, for every exported cmdlet, writes one command:command
    entry. Syntax, parameters, types, aliases, pipeline input, wildcards, inputs and outputs come
    from the compiled cmdlet's metadata; each parameter's description is its HelpMessage. The
    synopsis, description, examples, notes and related links come from the cmdlet's help source,
    <Verb-Noun>.help.psd1 in -SourcePath (see README.md there).

    A missing help source, a source that cannot be read or a parameter without a HelpMessage is a
    warning, not an error: the file is written with what there is, and the Pester help test is
    what fails. build.ps1 runs this script in a child pwsh so that the build process never loads
    the module's assembly.

    The pieces are in MamlHelp/ beside this script: CommandMetadata.ps1 reads the compiled
    cmdlets, HelpSource.ps1 the .help.psd1 sources, MamlWriter.ps1 writes the XML. The module
    does not ship them: the build copies only the XML they write.

.EXAMPLE
    pwsh -NoProfile -File src/PSPipedream/Help/New-MamlHelp.ps1 -ModulePath out/PSPipedream -SourcePath src/PSPipedream/Help -OutputPath out/PSPipedream/en-US/PSPipedream.dll-Help.xml
#>
[CmdletBinding()]
param(
    # The laid-out module folder (holds PSPipedream.psd1).
    [Parameter(Mandatory)] [string] $ModulePath,

    # The folder of the <Verb-Noun>.help.psd1 sources.
    [Parameter(Mandatory)] [string] $SourcePath,

    # The MAML file to write.
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:Warnings = [System.Collections.Generic.List[string]]::new()
function Add-Warning([string] $Text) { $script:Warnings.Add($Text) }

. (Join-Path $PSScriptRoot 'MamlHelp/CommandMetadata.ps1')
. (Join-Path $PSScriptRoot 'MamlHelp/HelpSource.ps1')
. (Join-Path $PSScriptRoot 'MamlHelp/MamlWriter.ps1')

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$SourcePath = (Resolve-Path -LiteralPath $SourcePath).Path
$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)

$module = Import-Module $ModulePath -PassThru -Force
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$known = @{}
foreach ($c in $commands) { $known[$c.Name] = $true }

$sources = Read-HelpSource $SourcePath $known

$outDir = Split-Path -Parent $OutputPath
if ($outDir -and -not (Test-Path $outDir)) { $null = New-Item -ItemType Directory -Force $outDir }

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $NsHelp)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($c in $commands) {
        Write-Command $writer $c (Get-CommandHelpSource $sources $c.Name)
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

foreach ($w in $script:Warnings) { Write-Warning "help: $w" }
Write-Host "Help for $($commands.Count) cmdlets written to $OutputPath ($($script:Warnings.Count) warnings)"
