#Requires -Version 7.2
<#
.SYNOPSIS
    Scenario 1: listing every source of a user, three ways, in one child process.

.DESCRIPTION
    module  Get-PdSource -All | Measure-Object
    irm     an Invoke-RestMethod loop over GET /users/me/sources?limit=100, following
            page_info.end_cursor, writing each item of .data to the pipeline
    floor   the same loop with one HttpClient (GetStringAsync per page) and
            Newtonsoft.Json.Linq.JObject.Parse, writing each item of data to the pipeline

    Every loop stops as the module's pager does (an empty page, no end_cursor, or total_count
    items read), so each makes the same requests: the run checks that from the emulator's request
    log. Each competitor writes every item into Measure-Object, and each run must count them all.

    With -Report (the driver, bench/BenchRun.psm1), it seeds the user, runs the measurement below
    in a child pwsh and writes the rows; with -Settings, it is that measurement.
#>
[CmdletBinding()]
param([switch] $Report, [string] $Settings)
. (Join-Path $PSScriptRoot '../BenchSupport.ps1')

if ($Report) {
    $count = 10000
    $run = Get-BenchRun
    $user = Use-BenchUser 'bench-list' -Sources $count -Prefix 'list-'
    $c = (Invoke-BenchChild @{ ApiKey = $user.ApiKey; Expected = $count; Runs = $run.Runs }).competitors
    $module = Add-TimeRow 'module: `Get-PdSource -All`' $c.module 'module'
    $irm = Add-TimeRow 'IRM loop (limit=100, end_cursor)' $c.irm 'IRM loop'
    $floor = Add-TimeRow 'floor: HttpClient + Newtonsoft loop' $c.floor 'floor'
    Add-RatioRow 'module / floor' $module $floor
    Add-RatioRow 'IRM / module' $irm $module
    return
}

$s = Start-BenchMeasurement $Settings
$listUri = $s.BaseUri.TrimEnd('/') + '/users/me/sources'
$headers = @{ Authorization = "Bearer $($s.ApiKey)" }
$client = [System.Net.Http.HttpClient]::new()
$client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $s.ApiKey)

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

$pages = [int] [math]::Ceiling($s.Expected / 100)
$beforeEach = { param($name) Invoke-BenchControl -Root $s.ControlUri -Method DELETE -Path '/_emulator/requests' }
$afterEach = {
    param($name, $measured)
    $requests = @(Get-BenchLoggedRequest $s.ControlUri GET $BenchSourceListPattern).Count
    if ($requests -ne $pages) { throw "list: $name sent $requests list requests, not $pages." }
    $requests
}

try {
    $results = Invoke-BenchRounds -Competitors $competitors -Runs $s.Runs -Expected $s.Expected -BeforeEach $beforeEach -AfterEach $afterEach -Label 'list'
}
finally {
    $client.Dispose()
}
Write-BenchResult $s.ResultPath ([ordered]@{ expected = $s.Expected; pages = $pages; competitors = $results })
