BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    $script:ComponentCode = @'
module.exports = {
  key: "pester-api",
  name: "Pester Api",
  version: "0.0.1",
  props: {},
  async run(event) {
    this.$emit(event);
  },
};
'@
}

Describe 'Invoke-PdApi' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $null = New-EmulatorSource -Count 5 -NamePrefix 'api-'
        $sourceIds = @((Get-TestSource).id)
        Clear-EmulatorRequest
    }

    It 'GETs a path relative to the base URI and writes the data object' {
        $me = Invoke-PdApi -Method GET -Path 'users/me'

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be '/v1/users/me'
        @($me).Count | Should -Be 1
        $me | Should -BeOfType [System.Management.Automation.PSCustomObject]
        $me.id | Should -Be 'u_emulator'
        $me.username | Should -Be 'emulator'
        $me.orgs.id | Should -Contain 'o_emulator'
    }

    It 'takes a path that starts with the base path, as errors show it (/v1/users/me)' {
        $me = Invoke-PdApi -Path '/v1/users/me'

        $me.id | Should -Be 'u_emulator'
        @(Get-EmulatorRequest).Path | Should -Be '/v1/users/me'
    }

    It 'writes one object per item of a data array and sends -Query in the query string' {
        $sources = @(Invoke-PdApi -Method GET -Path 'users/me/sources' -Query @{ limit = 2; include = 'id,name' })

        $request = @(Get-EmulatorRequest)[0]
        $query = ConvertFrom-TestQuery $request.Query
        $query['limit'] | Should -Be '2'
        $query['include'] | Should -Be 'id,name'
        $sources.Count | Should -Be 2
        $sources.id | Should -Be @($sourceIds[0], $sourceIds[1])
        $sources[0].name | Should -BeLike 'api-*'
    }

    It 'follows page_info with -All' {
        $sources = @(Invoke-PdApi -Method GET -Path 'users/me/sources' -Query @{ limit = 2 } -All)

        $sources.id | Should -Be $sourceIds
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 3
        foreach ($r in $requests) {
            $r.Path | Should -Be '/v1/users/me/sources'
            (ConvertFrom-TestQuery $r.Query)['limit'] | Should -Be '2'
        }
        (ConvertFrom-TestQuery $requests[0].Query).ContainsKey('after') | Should -BeFalse
        (ConvertFrom-TestQuery $requests[1].Query)['after'] | Should -Not -BeNullOrEmpty
    }

    It 'sends -Body as JSON with a POST' {
        $created = Invoke-PdApi -Method POST -Path 'sources' -Body @{
            component_code   = $ComponentCode
            name             = 'from-invoke'
            configured_props = @{ timer = @{ intervalSeconds = 60 } }
        } -Confirm:$false

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'POST'
        $request.Path | Should -Be '/v1/sources'
        $body = $request.Body | ConvertFrom-Json
        $body.name | Should -Be 'from-invoke'
        $body.configured_props.timer.intervalSeconds | Should -Be 60
        $created.id | Should -Match '^dc_'
        $created.configured_props.timer.interval_seconds | Should -Be 60
        (Get-TestSource).id | Should -Contain $created.id
    }

    It 'URL-encodes -Query values' {
        $url = 'https://hooks.example.com/in?team=a&x=1+2'
        $hook = Invoke-PdApi -Method POST -Path 'webhooks' -Query @{ url = $url; name = 'a & b' } -Confirm:$false

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[-1]).Query
        $query['url'] | Should -BeExactly $url
        $query['name'] | Should -BeExactly 'a & b'
        $hook.url | Should -BeExactly $url
    }

    It 'sends a PUT and a DELETE' {
        Invoke-PdApi -Method PUT -Path "sources/$($sourceIds[0])" -Body @{ active = $false } -Confirm:$false
        Invoke-PdApi -Method DELETE -Path "sources/$($sourceIds[1])" -Confirm:$false

        $requests = @(Get-EmulatorRequest)
        $requests.Method | Should -Be @('PUT', 'DELETE')
        $requests.Path | Should -Be @("/v1/sources/$($sourceIds[0])", "/v1/sources/$($sourceIds[1])")
        ($requests[0].Body | ConvertFrom-Json).active | Should -BeFalse
        $state = Get-TestSource
        ($state | Where-Object id -eq $sourceIds[0]).active | Should -BeFalse
        $state.id | Should -Not -Contain $sourceIds[1]
    }

    It 'sends nothing for a <Method> with -WhatIf' -TestCases @(
        @{ Method = 'POST'; Path = 'webhooks'; Extra = @{ Query = @{ url = 'https://example.com' } } },
        @{ Method = 'PUT'; Path = 'sources/{0}'; Extra = @{ Body = @{ active = $false } } },
        @{ Method = 'DELETE'; Path = 'sources/{0}'; Extra = @{} }
    ) {
        $target = $Path -f $sourceIds[0]
        Invoke-PdApi -Method $Method -Path $target @Extra -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
        $state = Get-TestSource
        $state.Count | Should -Be 5
        ($state | Where-Object id -eq $sourceIds[0]).active | Should -BeTrue
        (Invoke-TestApi -Path 'users/me/webhooks').data | Should -BeNullOrEmpty
    }

    It 'reports a 404 as PdNotFound with category ObjectNotFound' {
        $err = $null
        try { Invoke-PdApi -Method GET -Path 'sources/dc_missing1/event_summaries' -ErrorAction Stop }
        catch { $err = $_ }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-EmulatorRequest).Count | Should -Be 1
    }

    It 'rejects the -Path <Path> outside the base URI before any request' -TestCases @(
        @{ Path = 'https://elsewhere.example.com/v1/users/me' },
        @{ Path = '//elsewhere.example.com/v1/users/me' },
        @{ Path = '../_emulator/reset' },
        @{ Path = 'users/../../_emulator/reset' }
    ) {
        Get-ThrownErrorText { Invoke-PdApi -Method POST -Path $Path -Confirm:$false -ErrorAction Stop } |
            Should -MatchExactly '\bPath\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
        # A reset through the control API would have wiped the sources.
        (Get-TestSource).Count | Should -Be 5
    }
}
