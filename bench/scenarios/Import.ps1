#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 2: what importing the module adds to a pwsh start.

.DESCRIPTION
    pwsh -NoProfile -Command "Import-Module ..." minus pwsh -NoProfile -Command 1, each timed as a
    whole process, the two (and a reference: a bare manifest of the same dll) taking turns in each
    round. There is no measurement in a child of its own: the driver (bench/BenchRun.psm1) runs
    this with -Report, and the processes it times are the measurement.
#>
[CmdletBinding()]
param([switch] $Report)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

$run = Get-BenchRun
$baselineArgs = @('-NoProfile', '-Command', '1')
$importArgs = @('-NoProfile', '-Command', "Import-Module '$($run.ModulePath.Replace("'", "''"))'")
# The reference for what PowerShell itself costs: a manifest that names only the same dll
# (no formats, no export lists, no other fields), imported the same way.
$bare = Join-Path $run.TempDir 'bare-manifest'
$null = New-Item -ItemType Directory -Path $bare -Force
$dll = Join-Path (Split-Path $run.ModulePath) 'PSPipedream.dll'
Set-Content -Path (Join-Path $bare 'PSPipedream.psd1') -Value "@{ RootModule = '$($dll.Replace("'", "''"))'; ModuleVersion = '0.0.1'; CmdletsToExport = '*' }"
$bareArgs = @('-NoProfile', '-Command', "Import-Module '$((Join-Path $bare 'PSPipedream.psd1').Replace("'", "''"))'")
$baseline = [System.Collections.Generic.List[double]]::new()
$import = [System.Collections.Generic.List[double]]::new()
$bareImport = [System.Collections.Generic.List[double]]::new()
$warmup = $null
$rounds = $run.ImportRuns
for ($round = 0; $round -le $rounds; $round++) {
    $b = Measure-PwshProcess $baselineArgs -Kind baseline
    $i = Measure-PwshProcess $importArgs -Kind import
    $m = Measure-PwshProcess $bareArgs -Kind bare
    if ($round -eq 0) { $warmup = @($b, $i, $m) } else { $baseline.Add($b); $import.Add($i); $bareImport.Add($m) }
    $roundName = if ($round -eq 0) { 'warm-up' } else { "run $round/$rounds" }
    Write-Host ('  import {0,-9} -Command 1 {1,10:N1} ms   Import-Module {2,10:N1} ms   bare manifest {3,10:N1} ms' -f $roundName, $b, $i, $m)
}
$b = Get-Median $baseline
$i = Get-Median $import
Add-Row '`pwsh -NoProfile -Command 1`' (Format-Ms $b)
Add-Row '`pwsh -NoProfile -Command "Import-Module ..."`' (Format-Ms $i)
$cost = $i - $b
Add-TargetRow 'import - baseline' (Format-Ms $cost) -Actual $cost
Add-Row 'reference: a bare manifest of the same dll - baseline' (Format-Ms ((Get-Median $bareImport) - $b))
Add-Detail '-Command 1' $baseline $warmup[0]
Add-Detail 'Import-Module' $import $warmup[1]
Add-Detail 'bare manifest' $bareImport $warmup[2]
$paired = @(for ($k = 0; $k -lt $import.Count; $k++) { $import[$k] - $baseline[$k] })
Add-Detail "Import-Module minus -Command 1 in the same round (median $(Format-Ms (Get-Median $paired)))" $paired $null
