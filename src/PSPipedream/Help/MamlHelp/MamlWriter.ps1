# Writes the MAML: the schema's namespaces, and one command:command element per cmdlet from the
# cmdlet's metadata and its help source. Dot-sourced by New-MamlHelp.ps1.

$NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$NsHelp = 'http://msh'

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
