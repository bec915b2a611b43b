# The benchmarks' targets have one home, bench/targets.psd1: the scenarios judge their rows by it, and
# the README's Performance table must say the same. Nothing here runs a benchmark.

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $script:Root 'bench/BenchTargets.psm1') -Force
    $script:Scenarios = @(Get-BenchScenario)

    # The rows of the README's table of scenarios and targets (under "## Performance"), as
    # scenario/target pairs; cells are split at every '|' that is not written '\|'.
    function Get-ReadmeTargetRow {
        $lines = Get-Content (Join-Path $script:Root 'README.md')
        $start = [array]::IndexOf($lines, '## Performance')
        if ($start -lt 0) { throw 'README.md has no "## Performance" section.' }
        $header = $start
        while ($header -lt $lines.Count -and $lines[$header] -notmatch '^\|\s*scenario\s*\|\s*compares\s*\|\s*target\s*\|$') { $header++ }
        if ($header -eq $lines.Count) { throw 'README.md has no "| scenario | compares | target |" table under Performance.' }
        for ($i = $header + 2; $i -lt $lines.Count -and $lines[$i].StartsWith('|'); $i++) {
            $cells = @($lines[$i].Trim().Trim('|') -split '(?<!\\)\|' | ForEach-Object { $_.Trim() })
            [pscustomobject]@{ Scenario = $cells[0]; Target = $cells[-1] }
        }
    }
}

Describe 'The benchmark targets' {
    It 'are the ones the README''s Performance table gives, scenario by scenario' {
        $readme = @(Get-ReadmeTargetRow)
        ($readme.Scenario -join ' / ') | Should -Be (($script:Scenarios.Title) -join ' / ')
        foreach ($scenario in $script:Scenarios) {
            $row = $readme | Where-Object Scenario -eq $scenario.Title
            $row.Target | Should -Be (Format-BenchTargetList $scenario) -Because "bench/targets.psd1 holds the targets of $($scenario.Title)"
        }
    }

    It 'belong each to one scenario file, which judges its rows by every one of them' {
        $files = @(Get-ChildItem (Join-Path $script:Root 'bench/scenarios') -Filter '*.ps1' -File | ForEach-Object BaseName | Sort-Object)
        ($files -join ',') | Should -Be ((@($script:Scenarios.Name) | Sort-Object) -join ',')
        foreach ($scenario in $script:Scenarios) {
            $text = Get-Content -Raw (Join-Path $script:Root "bench/scenarios/$($scenario.Name).ps1")
            foreach ($target in $scenario.Targets) {
                $text | Should -Match ([regex]::Escape("'$($target.Name)'")) -Because "$($scenario.Name).ps1 writes the row of its target '$($target.Name)'"
            }
        }
    }

    It 'are all measured by a default run of the bench' {
        $parameter = (Get-Command (Join-Path $script:Root 'bench/Invoke-Bench.ps1')).Parameters['Scenario']
        $default = (Get-Command (Join-Path $script:Root 'bench/Invoke-Bench.ps1')).ScriptBlock.Ast.ParamBlock.Parameters |
            Where-Object { $_.Name.VariablePath.UserPath -eq 'Scenario' } | ForEach-Object { $_.DefaultValue.SafeGetValue() }
        (@($default) | Sort-Object) -join ',' | Should -Be ((@($script:Scenarios.Name) | Sort-Object) -join ',')
        $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        (@($set.ValidValues) | Sort-Object) -join ',' | Should -Be ((@($script:Scenarios.Name) | Sort-Object) -join ',')
    }
}
