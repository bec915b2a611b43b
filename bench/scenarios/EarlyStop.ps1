#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 4: Get-PdSource -All | Select-Object -First 1, once, in this process.

.DESCRIPTION
    The driver clears the emulator's request log before starting this process and counts the
    source-list requests once it has ended. This script writes how many items came out (1).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$null = Connect-BenchModule $ModulePath $BaseUri $ApiKey
$items = @(Get-PdSource -All | Select-Object -First 1)
Write-BenchResult $ResultPath ([ordered]@{ items = $items.Count })
