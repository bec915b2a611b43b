# The cmdlet's side of its help, read from the compiled cmdlet: each parameter's type, aliases,
# wildcards, sets, position, pipeline input, default value and HelpMessage. Dot-sourced by
# New-MamlHelp.ps1.

# What PowerShell adds itself (-WhatIf/-Confirm for SupportsShouldProcess, -First/-Skip/
# -IncludeTotalCount for SupportsPaging); these have no HelpMessage, so their text lives here.
$AddedParameterHelp = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and no request that changes anything is sent.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the first N items. The cmdlet asks the API only for the pages it needs.'
    Skip              = 'Ignores the first N items and then gets the ones after them.'
    IncludeTotalCount = 'Writes the total number of items the API reports before the items themselves. If the API gives no total, the count says so with an accuracy of 0.'
}

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
