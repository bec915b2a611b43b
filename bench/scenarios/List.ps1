#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 1: listing every source of a user, three ways, in this one process.

.DESCRIPTION
    module  Get-PdSource -All | Measure-Object
    irm     an Invoke-RestMethod loop over GET /users/me/sources?limit=100, following
            page_info.end_cursor, writing each item of .data to the pipeline
    floor   the same loop with one HttpClient (GetStringAsync per page) and
            Newtonsoft.Json.Linq.JObject.Parse, writing each item of data to the pipeline

    Every loop stops as the module's pager does (an empty page, no end_cursor, or total_count
    items read), so each makes the same requests: the run checks that from the emulator's request
    log. Each competitor writes every item into Measure-Object, and each run must count $Expected.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ControlUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [int] $Expected,
    [Parameter(Mandatory)] [int] $Runs,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')
$null = Connect-BenchModule $ModulePath $BaseUri $ApiKey

$listUri = $BaseUri.TrimEnd('/') + '/users/me/sources'
$headers = @{ Authorization = "Bearer $ApiKey" }
$client = [System.Net.Http.HttpClient]::new()
$client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $ApiKey)

$competitors = [ordered]@{
    module = { Get-PdSource -All | Measure-Object }

    irm    = {
        & {
            $after = $null
            $read = 0
            do {
                $uri = $listUri + '?limit=100'
                if ($after) { $uri += '&after=' + [uri]::EscapeDataString($after) }
                $page = Invoke-RestMethod -Uri $uri -Headers $headers
                $page.data
                $read += @($page.data).Count
                $after = $page.page_info.end_cursor
            } while ($after -and @($page.data).Count -gt 0 -and $read -lt $page.page_info.total_count)
        } | Measure-Object
    }

    floor  = {
        & {
            $after = $null
            $read = 0
            do {
                $uri = $listUri + '?limit=100'
                if ($after) { $uri += '&after=' + [uri]::EscapeDataString($after) }
                $page = [Newtonsoft.Json.Linq.JObject]::Parse($client.GetStringAsync($uri).GetAwaiter().GetResult())
                $data = $page['data']
                $data
                $read += $data.Count
                $after = $page['page_info']['end_cursor'].Value
            } while ($after -and $data.Count -gt 0 -and $read -lt $page['page_info']['total_count'].Value)
        } | Measure-Object
    }
}

$pages = [int] [math]::Ceiling($Expected / 100)
$beforeEach = { param($name) Invoke-BenchControl -Root $ControlUri -Method DELETE -Path '/_emulator/requests' }
$afterEach = {
    param($name, $measured)
    $requests = @(Get-BenchLoggedRequest $ControlUri GET $BenchSourceListPattern).Count
    if ($requests -ne $pages) { throw "list: $name sent $requests list requests, not $pages." }
    $requests
}

try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $Runs -Expected $Expected -BeforeEach $beforeEach -AfterEach $afterEach -Label 'list'
}
finally {
    $client.Dispose()
}
Write-BenchResult $ResultPath ([ordered]@{ expected = $Expected; pages = $pages; competitors = $results })
