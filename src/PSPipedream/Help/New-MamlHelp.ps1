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

$NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$NsHelp = 'http://msh'

# What PowerShell adds itself (-WhatIf/-Confirm for SupportsShouldProcess, -First/-Skip/
# -IncludeTotalCount for SupportsPaging); these have no HelpMessage, so their text lives here.
$AddedParameterHelp = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and no request that changes anything is sent.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the first N items. The cmdlet asks the API only for the pages it needs.'
    Skip              = 'Ignores the first N items and then gets the ones after them.'
    IncludeTotalCount = 'Writes the total number of items the API reports before the items themselves. If the API gives no total, the count says so with an accuracy of 0.'
}

$script:Warnings = [System.Collections.Generic.List[string]]::new()
function Add-Warning([string] $Text) { $script:Warnings.Add($Text) }

# A type as people read it: String, String[], Nullable<Int32> -> Int32, generics by their name.
function Get-FriendlyTypeName([type] $Type, [switch] $Full) {
    if ($null -eq $Type) { return 'Object' }
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType() -Full:$Full) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying -Full:$Full }
    if ($Type.IsGenericType) {
        $name = if ($Full) { $Type.GetGenericTypeDefinition().FullName } else { $Type.Name }
        $name = $name -replace '`\d+$', ''
        $typeArgs = @($Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ -Full:$Full })
        return "$name[$($typeArgs -join ', ')]"
    }
    if ($Full -and $Type.FullName) { return $Type.FullName }
    return $Type.Name
}

# Text -> paragraphs: blank lines separate paragraphs; within one, wrapped lines are joined,
# but a line that starts a list item or is indented keeps its own line.
function Split-Paragraph([string] $Text) {
    if ([string]::IsNullOrWhiteSpace($Text)) { return @() }
    $blocks = ($Text.Trim() -replace "`r`n", "`n") -split "\n[ \t]*\n"
    foreach ($block in $blocks) {
        $out = [System.Text.StringBuilder]::new()
        foreach ($line in $block -split "`n") {
            if ($out.Length -eq 0) { $null = $out.Append($line.TrimEnd()); continue }
            if ($line -match '^\s*([-*]|\d+\.)\s' -or $line -match '^\s{2,}') { $null = $out.Append("`n").Append($line.TrimEnd()) }
            else { $null = $out.Append(' ').Append($line.Trim()) }
        }
        $para = $out.ToString().Trim()
        if ($para) { $para }
    }
}

# The cmdlet's property defaults, read from a fresh instance: only simple values that differ
# from the type's own default count.
function Get-DefaultValueMap([type] $ImplementingType) {
    $map = @{}
    $instance = $null
    try { $instance = [Activator]::CreateInstance($ImplementingType) }
    catch { return $map }
    try {
        foreach ($prop in $ImplementingType.GetProperties()) {
            if (-not $prop.CanRead -or $prop.GetIndexParameters().Count -gt 0) { continue }
            $type = [Nullable]::GetUnderlyingType($prop.PropertyType) ?? $prop.PropertyType
            if (-not ($type.IsPrimitive -or $type.IsEnum -or $type -eq [string] -or $type -eq [decimal] -or $type -eq [timespan])) { continue }
            try { $value = $prop.GetValue($instance) } catch { continue }
            if ($null -eq $value) { continue }
            if ($type.IsValueType -and $value -eq [Activator]::CreateInstance($type)) { continue }
            if ($value -is [string] -and $value -eq '') { continue }
            $map[$prop.Name] = [string] $value
        }
    }
    finally {
        if ($instance -is [IDisposable]) { $instance.Dispose() }
    }
    return $map
}

# One parameter's metadata merged over the parameter sets it is in.
function Get-ParameterModel($Command, [hashtable] $Defaults) {
    $skip = [System.Management.Automation.Cmdlet]::CommonParameters
    $models = [ordered]@{}
    foreach ($set in $Command.ParameterSets) {
        foreach ($p in $set.Parameters) {
            if ($skip.Contains($p.Name) -or $p.Name -eq 'UseTransaction') { continue }
            if (-not $models.Contains($p.Name)) {
                $models[$p.Name] = [pscustomobject]@{
                    Name       = $p.Name
                    Type       = $p.ParameterType
                    Aliases    = @($p.Aliases)
                    Globbing   = [bool] @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
                    Help       = $null
                    Default    = $null
                    Required   = $null
                    Position   = $null
                    PipelineInput = $null
                    Sets       = [System.Collections.Generic.List[object]]::new()
                }
            }
            $model = $models[$p.Name]
            if (-not $model.Help -and $p.HelpMessage) {
                $model.Help = $p.HelpMessage
                # A completer says what Tab offers, so the help cannot drift from it.
                $completer = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -and $_.Type } | Select-Object -First 1
                if ($completer) {
                    $offers = ([Activator]::CreateInstance($completer.Type)).Offers
                    if ($offers) { $model.Help = $model.Help.TrimEnd() + " Tab completes $offers." }
                }
            }
            $model.Sets.Add([pscustomobject]@{
                Set          = $set.Name
                Mandatory    = $p.IsMandatory
                Position     = if ($p.Position -ge 0) { [string] $p.Position } else { 'named' }
                ByValue      = $p.ValueFromPipeline
                ByProperty   = $p.ValueFromPipelineByPropertyName
            })
        }
    }
    foreach ($model in $models.Values) {
        if (-not $model.Help -and $AddedParameterHelp.ContainsKey($model.Name)) { $model.Help = $AddedParameterHelp[$model.Name] }
        if ($model.Type -eq [System.Management.Automation.SwitchParameter]) { $model.Default = 'False' }
        elseif ($Defaults.ContainsKey($model.Name)) { $model.Default = $Defaults[$model.Name] }
        else { $model.Default = 'None' }
        # Across sets: one value when they agree, else "value (Set), ...".
        $model.Required = Join-SetValue $model.Sets { if ($_.Mandatory) { 'true' } else { 'false' } }
        $model.Position = Join-SetValue $model.Sets { $_.Position }
        $model.PipelineInput = Join-SetValue $model.Sets { Format-PipelineInput $_.ByValue $_.ByProperty }
    }
    return @($models.Values)
}

function Format-PipelineInput([bool] $ByValue, [bool] $ByProperty) {
    $how = @()
    if ($ByValue) { $how += 'ByValue' }
    if ($ByProperty) { $how += 'ByPropertyName' }
    if ($how) { "True ($($how -join ', '))" } else { 'False' }
}

function Join-SetValue($Sets, [scriptblock] $Value) {
    $values = @($Sets | ForEach-Object { [pscustomobject]@{ Set = $_.Set; Value = (& $Value) } })
    $distinct = @($values.Value | Select-Object -Unique)
    if ($distinct.Count -eq 1) { return [string] $distinct[0] }
    return ($values | ForEach-Object { "$($_.Value) ($($_.Set))" }) -join ', '
}

# --- XML writing ---------------------------------------------------------------------------

function Write-Paras([System.Xml.XmlWriter] $W, [string[]] $Paragraphs) {
    $W.WriteStartElement('maml', 'description', $NsMaml)
    $any = $false
    foreach ($p in $Paragraphs) {
        if ([string]::IsNullOrWhiteSpace($p)) { continue }
        $W.WriteElementString('maml', 'para', $NsMaml, $p)
        $any = $true
    }
    if (-not $any) { $W.WriteElementString('maml', 'para', $NsMaml, '') }
    $W.WriteEndElement()
}

function Write-DevType([System.Xml.XmlWriter] $W, [string] $Name) {
    $W.WriteStartElement('dev', 'type', $NsDev)
    $W.WriteElementString('maml', 'name', $NsMaml, $Name)
    $W.WriteElementString('maml', 'uri', $NsMaml, '')
    $W.WriteEndElement()
}

# One command:parameter; -Syntax takes that set's own required/position/pipeline values.
function Write-Parameter([System.Xml.XmlWriter] $W, $Model, $SetEntry) {
    $isSwitch = $Model.Type -eq [System.Management.Automation.SwitchParameter]
    $W.WriteStartElement('command', 'parameter', $NsCommand)
    if ($SetEntry) {
        $W.WriteAttributeString('required', $(if ($SetEntry.Mandatory) { 'true' } else { 'false' }))
        $W.WriteAttributeString('position', $SetEntry.Position)
        $W.WriteAttributeString('pipelineInput', (Format-PipelineInput $SetEntry.ByValue $SetEntry.ByProperty))
    }
    else {
        $W.WriteAttributeString('required', $Model.Required)
        $W.WriteAttributeString('position', $Model.Position)
        $W.WriteAttributeString('pipelineInput', $Model.PipelineInput)
    }
    $W.WriteAttributeString('variableLength', $(if ($Model.Type.IsArray) { 'true' } else { 'false' }))
    $W.WriteAttributeString('globbing', $(if ($Model.Globbing) { 'true' } else { 'false' }))
    $W.WriteAttributeString('aliases', $(if ($Model.Aliases) { $Model.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $NsMaml, $Model.Name)
    Write-Paras $W @(Split-Paragraph $Model.Help)
    # A switch takes no value: no parameterValue, so the syntax shows [-Name].
    if (-not $isSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $NsCommand)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', $(if ($Model.Type.IsArray) { 'true' } else { 'false' }))
        $W.WriteString((Get-FriendlyTypeName $Model.Type))
        $W.WriteEndElement()
    }
    Write-DevType $W (Get-FriendlyTypeName $Model.Type -Full)
    $W.WriteElementString('dev', 'defaultValue', $NsDev, $Model.Default)
    $W.WriteEndElement()
}

# Syntax order as PowerShell shows it: positional by position, then mandatory, then the rest.
function Get-SyntaxOrder($Entries) {
    $Entries | Sort-Object @{ Expression = { if ($_.Entry.Position -ne 'named') { 0 } elseif ($_.Entry.Mandatory) { 1 } else { 2 } } },
                    @{ Expression = { if ($_.Entry.Position -ne 'named') { [int] $_.Entry.Position } else { 0 } } },
                    @{ Expression = { $_.Index } }
}

function Write-Command([System.Xml.XmlWriter] $W, $Command, $Source) {
    $name = $Command.Name
    $W.WriteStartElement('command', 'command', $NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $NsMaml)
    $W.WriteAttributeString('xmlns', 'command', $null, $NsCommand)
    $W.WriteAttributeString('xmlns', 'dev', $null, $NsDev)

    # details: name, verb, noun, synopsis
    $W.WriteStartElement('command', 'details', $NsCommand)
    $W.WriteElementString('command', 'name', $NsCommand, $name)
    $W.WriteElementString('command', 'verb', $NsCommand, $Command.Verb)
    $W.WriteElementString('command', 'noun', $NsCommand, $Command.Noun)
    Write-Paras $W @(Split-Paragraph $Source.Synopsis)
    $W.WriteEndElement()

    Write-Paras $W @(Split-Paragraph $Source.Description)

    $defaults = Get-DefaultValueMap $Command.ImplementingType
    $models = Get-ParameterModel $Command $defaults
    $byName = @{}
    foreach ($m in $models) { $byName[$m.Name] = $m }
    foreach ($m in $models) {
        if (-not $m.Help) { Add-Warning "$name -$($m.Name): no HelpMessage, so the parameter has no description." }
    }

    # syntax: one item per parameter set
    $W.WriteStartElement('command', 'syntax', $NsCommand)
    foreach ($set in $Command.ParameterSets) {
        $W.WriteStartElement('command', 'syntaxItem', $NsCommand)
        $W.WriteElementString('maml', 'name', $NsMaml, $name)
        $index = 0
        $entries = foreach ($m in $models) {
            $entry = $m.Sets.Where({ $_.Set -eq $set.Name }, 'First')
            if ($entry) { [pscustomobject]@{ Model = $m; Entry = $entry[0]; Index = $index++ } }
        }
        foreach ($e in @(Get-SyntaxOrder @($entries))) { Write-Parameter $W $e.Model $e.Entry }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # parameters: each once, in alphabetical order as PowerShell's own help lists them,
    # with -WhatIf and -Confirm last
    $W.WriteStartElement('command', 'parameters', $NsCommand)
    $ordered = @($models | Sort-Object @{ Expression = { $_.Name -in 'WhatIf', 'Confirm' } }, Name)
    foreach ($m in $ordered) { Write-Parameter $W $m $null }
    $W.WriteEndElement()

    # inputs: the types that bind from the pipeline, and which parameter takes them
    $W.WriteStartElement('command', 'inputTypes', $NsCommand)
    $piped = @($models | Where-Object { $_.Sets | Where-Object { $_.ByValue -or $_.ByProperty } })
    if (-not $piped) {
        $W.WriteStartElement('command', 'inputType', $NsCommand)
        Write-DevType $W 'None'
        Write-Paras $W @('This cmdlet takes no pipeline input.')
        $W.WriteEndElement()
    }
    foreach ($group in ($piped | Group-Object { Get-FriendlyTypeName $_.Type -Full })) {
        $W.WriteStartElement('command', 'inputType', $NsCommand)
        Write-DevType $W $group.Name
        $text = foreach ($m in $group.Group) {
            $byValue = [bool] @($m.Sets | Where-Object ByValue).Count
            $byProperty = [bool] @($m.Sets | Where-Object ByProperty).Count
            $names = @($m.Name) + @($m.Aliases)
            if ($byValue) { "You can pipe a $($group.Name -replace '^.*\.', '') to -$($m.Name)." }
            if ($byProperty) { "-$($m.Name) binds from a piped object's $($names -join ' or ') property." }
        }
        Write-Paras $W @($text -join ' ')
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # outputs: [OutputType]
    $W.WriteStartElement('command', 'returnValues', $NsCommand)
    $outputs = @($Command.OutputType)
    if (-not $outputs) {
        $W.WriteStartElement('command', 'returnValue', $NsCommand)
        Write-DevType $W 'None'
        Write-Paras $W @('This cmdlet writes no output.')
        $W.WriteEndElement()
    }
    foreach ($o in $outputs) {
        $W.WriteStartElement('command', 'returnValue', $NsCommand)
        $typeName = if ($o.Type) { Get-FriendlyTypeName $o.Type -Full } else { $o.Name }
        Write-DevType $W $typeName
        Write-Paras $W @()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # notes
    $notes = @(Split-Paragraph $Source.Notes)
    if ($notes) {
        $W.WriteStartElement('maml', 'alertSet', $NsMaml)
        $W.WriteStartElement('maml', 'alert', $NsMaml)
        foreach ($p in $notes) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }

    # examples
    $W.WriteStartElement('command', 'examples', $NsCommand)
    $n = 0
    foreach ($example in @($Source.Examples)) {
        if ($null -eq $example) { continue }
        $n++
        $code = if ($example -is [System.Collections.IDictionary]) { [string] $example['Code'] } else { [string] $example }
        $remarks = if ($example -is [System.Collections.IDictionary]) { [string] $example['Remarks'] } else { '' }
        $title = "Example $n"
        if ($example -is [System.Collections.IDictionary] -and $example['Title']) { $title += ": $($example['Title'])" }
        $W.WriteStartElement('command', 'example', $NsCommand)
        $W.WriteElementString('maml', 'title', $NsMaml, "-------------------------- $title --------------------------")
        $W.WriteElementString('dev', 'code', $NsDev, ($code.Trim() -replace "`r`n", "`n"))
        $W.WriteStartElement('dev', 'remarks', $NsDev)
        $paras = @(Split-Paragraph $remarks)
        if (-not $paras) { $paras = @('') }
        foreach ($p in $paras) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        # An empty paragraph ends the remarks with a blank line, so the next example's title stands apart.
        $W.WriteElementString('maml', 'para', $NsMaml, '')
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # related links: a URI when the entry is one, else a topic or command name
    $W.WriteStartElement('command', 'relatedLinks', $NsCommand)
    foreach ($link in @($Source.Links)) {
        if ([string]::IsNullOrWhiteSpace($link)) { continue }
        $W.WriteStartElement('maml', 'navigationLink', $NsMaml)
        if ($link -match '^https?://') {
            $W.WriteElementString('maml', 'linkText', $NsMaml, 'Online Version:')
            $W.WriteElementString('maml', 'uri', $NsMaml, $link)
        }
        else {
            $W.WriteElementString('maml', 'linkText', $NsMaml, $link)
            $W.WriteElementString('maml', 'uri', $NsMaml, '')
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()  # command:command
}

# --- main ----------------------------------------------------------------------------------

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$SourcePath = (Resolve-Path -LiteralPath $SourcePath).Path
$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)

$module = Import-Module $ModulePath -PassThru -Force
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$known = @{}
foreach ($c in $commands) { $known[$c.Name] = $true }

$sources = @{}
foreach ($file in @(Get-ChildItem -Path $SourcePath -Filter '*.help.psd1' -File)) {
    $cmdName = $file.Name -replace '\.help\.psd1$', ''
    if (-not $known.ContainsKey($cmdName)) { Add-Warning "$($file.Name): no exported cmdlet $cmdName." ; continue }
    try { $sources[$cmdName] = Import-PowerShellDataFile -Path $file.FullName }
    catch {
        Add-Warning "$($file.Name): cannot be read: $($_.Exception.Message)"
        $sources[$cmdName] = $null
    }
}

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
        $source = $sources[$c.Name]
        if (-not $source) {
            if (-not $sources.ContainsKey($c.Name)) { Add-Warning "$($c.Name): no help source $($c.Name).help.psd1; its help has only the metadata." }
            $source = @{}
        }
        else {
            foreach ($key in 'Synopsis', 'Description') {
                if ([string]::IsNullOrWhiteSpace([string] $source[$key])) { Add-Warning "$($c.Name): the help source has no $key." }
            }
            if (-not @($source['Examples']).Where({ $_ }).Count) { Add-Warning "$($c.Name): the help source has no example." }
            $unknownKeys = @($source.Keys | Where-Object { $_ -notin 'Synopsis', 'Description', 'Examples', 'Notes', 'Links' })
            if ($unknownKeys) { Add-Warning "$($c.Name): the help source has unknown keys: $($unknownKeys -join ', ')." }
        }
        $source = @{
            Synopsis    = [string] $source['Synopsis']
            Description = [string] $source['Description']
            Examples    = @($source['Examples'])
            Notes       = (@($source['Notes']) | Where-Object { $_ }) -join "`n`n"
            Links       = @($source['Links'])
        }
        Write-Command $writer $c $source
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

foreach ($w in $script:Warnings) { Write-Warning "help: $w" }
Write-Host "Help for $($commands.Count) cmdlets written to $OutputPath ($($script:Warnings.Count) warnings)"
