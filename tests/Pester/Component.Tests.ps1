BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    $script:RssKey = 'rss-new-item-in-feed'
    $script:RssUrl = 'https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js'
    $script:ComponentCode = @'
module.exports = {
  key: "pester-feed",
  name: "Pester Feed",
  version: "0.0.2",
  props: {
    url: {
      type: "string",
      label: "Feed URL",
      description: "The feed to watch",
    },
    timer: {
      type: "$.interface.timer",
      default: {
        intervalSeconds: 900,
      },
    },
  },
  async run() {
    this.$emit({ ok: true });
  },
};
'@
}

Describe 'New-PdComponent' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'posts -Code as component_code and writes a PSPipedream.Component' {
        $component = New-PdComponent -Code $ComponentCode

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'POST'
        $requests[0].Path | Should -Be '/v1/components'
        ($requests[0].Body | ConvertFrom-Json).component_code | Should -BeExactly $ComponentCode

        @($component).Count | Should -Be 1
        Test-PdTypeName $component 'Component' | Should -BeTrue
        $component.Id | Should -Match '^sc_'
        $component.Key | Should -Be 'pester-feed'
        $component.Name | Should -Be 'Pester Feed'
        $component.Version | Should -Be '0.0.2'
        $component.Code | Should -BeExactly $ComponentCode
        $component.CodeHash | Should -Match '^[0-9a-f]{64}$'
        $component.CreatedAt | Should -BeOfType [datetime]
        $component.UpdatedAt | Should -BeOfType [datetime]
        $component.CreatedAt.ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-10))
        $component.ConfigurableProps.Name | Should -Be @('url', 'timer')
        $url = $component.ConfigurableProps | Where-Object Name -eq 'url'
        $url.Type | Should -Be 'string'
        $url.Label | Should -Be 'Feed URL'
        $url.Description | Should -Be 'The feed to watch'
    }

    It 'reads the file given by -Path and posts its text as component_code' {
        $file = Join-Path $TestDrive 'pester-feed.js'
        [System.IO.File]::WriteAllText($file, $ComponentCode)

        $component = New-PdComponent -Path $file

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'POST'
        $request.Path | Should -Be '/v1/components'
        ($request.Body | ConvertFrom-Json).component_code | Should -BeExactly $ComponentCode
        $component.Id | Should -Match '^sc_'
        $component.Code | Should -BeExactly $ComponentCode
    }

    It 'posts -Url as component_url without component_code' {
        $component = New-PdComponent -Url $RssUrl

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'POST'
        $request.Path | Should -Be '/v1/components'
        $body = $request.Body | ConvertFrom-Json
        $body.component_url | Should -Be $RssUrl
        $body.PSObject.Properties.Name | Should -Not -Contain 'component_code'
        $component.Id | Should -Match '^sc_'
        $component.Name | Should -Be 'rss'
    }

    It 'sends nothing with -WhatIf' {
        $result = New-PdComponent -Code $ComponentCode -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        # Nothing was saved: the key is unknown to the account.
        { Invoke-TestApi -Path 'components/pester-feed' } | Should -Throw
    }

    It 'fails on a -Path that does not exist, naming the file, before any request' {
        $missing = Join-Path $TestDrive 'no-such-component.js'

        Get-ThrownErrorText { New-PdComponent -Path $missing -ErrorAction Stop } | Should -Match 'no-such-component\.js'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'binds -Path from piped files (FullName) and goes on past a missing one' {
        $one = Join-Path $TestDrive 'one.js'
        $two = Join-Path $TestDrive 'two.js'
        [System.IO.File]::WriteAllText($one, $ComponentCode)
        [System.IO.File]::WriteAllText($two, $ComponentCode.Replace('pester-feed', 'pester-feed-two'))
        $missing = [pscustomobject]@{ FullName = (Join-Path $TestDrive 'missing.js') }

        $components = @(@((Get-Item $one), $missing, (Get-Item $two)) |
            New-PdComponent -ErrorVariable errs -ErrorAction SilentlyContinue)

        $components.Key | Should -Be @('pester-feed', 'pester-feed-two')
        $errs.Count | Should -Be 1
        "$($errs[0])" | Should -Match 'missing\.js'
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 2
        ($requests[1].Body | ConvertFrom-Json).component_code | Should -Match 'pester-feed-two'
    }

    It 'rejects an empty -<Parameter> before any request' -TestCases @(
        @{ Parameter = 'Code' }, @{ Parameter = 'Url' }, @{ Parameter = 'Path' }
    ) {
        $params = @{ $Parameter = ''; ErrorAction = 'Stop' }

        Get-ThrownErrorText { New-PdComponent @params } | Should -MatchExactly "\b$Parameter\b"
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Get-PdComponent' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:Saved = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = $ComponentCode }).data
        $script:Saved2 = (Invoke-TestApi -Method POST -Path components -Body @{ component_url = $RssUrl }).data
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'gets a saved component by id with GET /components/{id}' {
        $component = Get-PdComponent -Key $Saved.id

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be "/v1/components/$($Saved.id)"
        Test-PdTypeName $component 'Component' | Should -BeTrue
        $component.Id | Should -Be $Saved.id
        $component.Code | Should -BeExactly $ComponentCode
        $component.CodeHash | Should -Be $Saved.code_hash
        $component.ConfigurableProps.Name | Should -Contain 'timer'
    }

    It 'gets a saved component by its key' {
        $component = Get-PdComponent -Key 'pester-feed'

        (@(Get-EmulatorRequest)[-1]).Path | Should -Be '/v1/components/pester-feed'
        $component.Id | Should -Be $Saved.id
        $component.Key | Should -Be 'pester-feed'
    }

    It 'gets each of several keys, in order' {
        $components = @(Get-PdComponent -Key $Saved.id, $Saved2.id)

        $components.Id | Should -Be @($Saved.id, $Saved2.id)
        @(Get-EmulatorRequest).Path | Should -Be @("/v1/components/$($Saved.id)", "/v1/components/$($Saved2.id)")
    }

    It 'gets a registry component with -Registry from GET /components/registry/{key}' {
        $component = Get-PdComponent -Key $RssKey -Registry

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be "/v1/components/registry/$RssKey"
        $component.Key | Should -Be $RssKey
        $component.Name | Should -Be 'rss'
        $component.Version | Should -Be '0.0.1'
        $url = $component.ConfigurableProps | Where-Object Name -eq 'url'
        $url.Type | Should -Be 'string'
        $url.Label | Should -Be 'Feed URL'
        $timer = $component.ConfigurableProps | Where-Object Name -eq 'timer'
        $timer.Type | Should -Be '$.interface.timer'
        $timer.Default.intervalSeconds | Should -Be 900
    }

    It 'binds -Key from ComponentId and ComponentKey properties of piped objects' {
        $byId = [pscustomobject]@{ ComponentId = $Saved.id } | Get-PdComponent
        $byKey = [pscustomobject]@{ ComponentKey = $RssKey } | Get-PdComponent -Registry

        $byId.Id | Should -Be $Saved.id
        $byKey.Key | Should -Be $RssKey
        @(Get-EmulatorRequest).Path | Should -Be @("/v1/components/$($Saved.id)", "/v1/components/registry/$RssKey")
    }

    It 'writes a non-terminating ObjectNotFound error for a missing component and goes on' {
        $components = @(
            [pscustomobject]@{ ComponentId = 'sc_missing1' },
            [pscustomobject]@{ ComponentId = $Saved.id }
        ) | Get-PdComponent -ErrorVariable errs -ErrorAction SilentlyContinue

        $components.Id | Should -Be @($Saved.id)
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-EmulatorRequest).Count | Should -Be 2
    }

    It 'rejects an empty or whitespace -Key before any request' -TestCases @(
        @{ Key = '' }, @{ Key = '   ' }
    ) {
        Get-ThrownErrorText { Get-PdComponent -Key $Key -ErrorAction Stop } | Should -MatchExactly '\bKey\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'rejects an id of another resource (<Key>) before any request' -TestCases @(
        @{ Key = 'dc_abc123' }, @{ Key = 'p_abc123' }
    ) {
        Get-ThrownErrorText { Get-PdComponent -Key $Key -ErrorAction Stop } | Should -MatchExactly '\bKey\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}
