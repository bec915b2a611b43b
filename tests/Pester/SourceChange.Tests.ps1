BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    function Get-TestSourceById([string] $Id) { Get-TestSource | Where-Object id -eq $Id }

    # JSON of a parsed body with every object's keys in ordinal order, to compare bodies whatever their key order.
    function ConvertTo-SortedJson($Value) {
        if ($Value -is [System.Management.Automation.PSCustomObject]) {
            $names = [string[]] @($Value.PSObject.Properties.Name)
            [Array]::Sort($names, [StringComparer]::Ordinal)
            return '{' + (@($names | ForEach-Object { (ConvertTo-Json $_) + ':' + (ConvertTo-SortedJson $Value.$_) }) -join ',') + '}'
        }
        if ($Value -is [array]) { return '[' + (@($Value | ForEach-Object { ConvertTo-SortedJson $_ }) -join ',') + ']' }
        ConvertTo-Json $Value -Compress
    }

    # A source made straight through the API, so these tests do not depend on New-PdSource.
    function New-TestSource([string] $Name = 'pester-source', [bool] $Active = $true) {
        (Invoke-TestApi -Method POST -Path sources -Body @{
            component_code   = $ComponentCode
            name             = $Name
            active           = $Active
            configured_props = @{ url = 'https://rss.example.com/feed'; timer = @{ intervalSeconds = 60 } }
        }).data
    }

    # Preloaded in the emulator's registry (the rss source of the API reference).
    $script:RssKey = 'rss-new-item-in-feed'
    $script:RssUrl = 'https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js'
    $script:ComponentCode = @'
module.exports = {
  key: "pester-feed",
  name: "Pester Feed",
  version: "0.0.1",
  props: {
    url: { type: "string", label: "Feed URL" },
    timer: { type: "$.interface.timer", default: { intervalSeconds: 900 } },
  },
  async run() {
    this.$emit({ ok: true });
  },
};
'@
    $script:Props = @{ url = 'https://rss.example.com/feed'; timer = @{ intervalSeconds = 60 } }
}

Describe 'New-PdSource' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'posts component_code, name and configured_props and writes the new PSPipedream.Source' {
        $source = New-PdSource -ComponentCode $ComponentCode -Name 'my-feed' -Props $Props

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'POST'
        $requests[0].Path | Should -Be '/v1/sources'
        $body = $requests[0].Body | ConvertFrom-Json
        $body.component_code | Should -BeExactly $ComponentCode
        $body.name | Should -Be 'my-feed'
        $body.configured_props.url | Should -Be 'https://rss.example.com/feed'
        # The user's prop names go through untouched (no snake_case renaming inside props).
        $body.configured_props.timer.intervalSeconds | Should -Be 60

        Test-PdTypeName $source 'Source' | Should -BeTrue
        $source.Id | Should -Match '^dc_'
        $source.Name | Should -Be 'my-feed'
        $source.Active | Should -BeTrue
        $source.ComponentId | Should -Match '^sc_'

        $stored = Get-TestSourceById $source.Id
        $stored.name | Should -Be 'my-feed'
        $stored.configured_props.timer.interval_seconds | Should -Be 60
    }

    It 'posts -ComponentId as component_id' {
        $component = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = $ComponentCode }).data
        Clear-EmulatorRequest

        $source = New-PdSource -ComponentId $component.id -Props $Props

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'POST'
        $request.Path | Should -Be '/v1/sources'
        ($request.Body | ConvertFrom-Json).component_id | Should -Be $component.id
        $source.ComponentId | Should -Be $component.id
    }

    It 'posts -ComponentUrl as component_url' {
        $source = New-PdSource -ComponentUrl $RssUrl -Name 'rss-news' -Props $Props

        $request = @(Get-EmulatorRequest | Where-Object Method -eq 'POST')[-1]
        $request.Path | Should -Be '/v1/sources'
        ($request.Body | ConvertFrom-Json).component_url | Should -Be $RssUrl
        $source.Name | Should -Be 'rss-news'
        (Get-TestSourceById $source.Id) | Should -Not -BeNullOrEmpty
    }

    It 'deploys a registry component given by -ComponentKey' {
        $registry = (Invoke-TestApi -Path "components/registry/$RssKey").data
        Clear-EmulatorRequest

        $source = New-PdSource -ComponentKey $RssKey -Name 'from-registry' -Props $Props

        # How the key travels is the module's choice: as component_key, or resolved to the registry id.
        $post = @(Get-EmulatorRequest | Where-Object Method -eq 'POST')
        $post.Count | Should -Be 1
        $post[0].Path | Should -Be '/v1/sources'
        $sent = @(($post[0].Body | ConvertFrom-Json).PSObject.Properties | Where-Object Name -in 'component_key', 'component_id' | ForEach-Object Value)
        $sent | Should -Not -BeNullOrEmpty
        $sent[0] | Should -BeIn @($RssKey, $registry.id)
        $source.ComponentId | Should -Be $registry.id
        (Get-TestSourceById $source.Id).component_id | Should -Be $registry.id
    }

    It 'creates the source in the org given by -OrgId' {
        $source = New-PdSource -ComponentCode $ComponentCode -Name 'org-feed' -Props $Props -OrgId 'o_emulator'

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'POST'
        $request.Path | Should -Be '/v1/sources'
        $inQuery = (ConvertFrom-TestQuery $request.Query)['org_id']
        $body = $request.Body | ConvertFrom-Json
        $inBody = if ($body.PSObject.Properties['org_id']) { $body.org_id }
        @($inQuery, $inBody) | Should -Contain 'o_emulator'
        @((Invoke-TestApi -Path 'orgs/o_emulator/sources').data.id) | Should -Contain $source.Id
    }

    It 'binds ComponentId and Name from piped objects by property name' {
        $component = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = $ComponentCode }).data
        Clear-EmulatorRequest

        $sources = @(
            [pscustomobject]@{ ComponentId = $component.id; Name = 'piped-one' },
            [pscustomobject]@{ ComponentId = $component.id; Name = 'piped-two' }
        ) | New-PdSource -Props $Props

        $sources.Name | Should -Be @('piped-one', 'piped-two')
        @(Get-EmulatorRequest | Where-Object Body | ForEach-Object Body | ConvertFrom-Json).name | Should -Be @('piped-one', 'piped-two')
        @(Get-TestSource).Count | Should -Be 2
    }

    It 'deploys piped components by their Id: New-PdComponent | New-PdSource' {
        $component = New-PdComponent -Code $ComponentCode
        Clear-EmulatorRequest

        $source = $component | New-PdSource -Name 'from-component' -Props $Props

        $source.ComponentId | Should -Be $component.Id
        $source.Name | Should -Be 'from-component'
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        ($requests[0].Body | ConvertFrom-Json).component_id | Should -Be $component.Id
    }

    It 'keeps binding a piped source by its ComponentId, not its Id' {
        $component = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = $ComponentCode }).data
        $original = [pscustomobject]@{ Id = 'dc_abc123'; ComponentId = $component.id; Name = 'copy' }
        Clear-EmulatorRequest

        $source = $original | New-PdSource -Props $Props

        $source.ComponentId | Should -Be $component.id
        @(Get-EmulatorRequest | Where-Object Body | ForEach-Object Body | ConvertFrom-Json).component_id | Should -Be $component.id
    }

    It 'sends nothing and creates nothing with -WhatIf' {
        $result = New-PdSource -ComponentCode $ComponentCode -Name 'never' -Props $Props -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf for -ComponentKey, not even the registry lookup' {
        $result = New-PdSource -ComponentKey $RssKey -Name 'never' -Props $Props -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 0
    }

    It 'rejects a bad -<Parameter> before any request' -TestCases @(
        @{ Parameter = 'ComponentId'; Value = 'dc_abc123' },
        @{ Parameter = 'ComponentId'; Value = '  ' },
        @{ Parameter = 'OrgId'; Value = 'u_emulator' },
        @{ Parameter = 'ComponentKey'; Value = 'dc_abc123' },
        @{ Parameter = 'ComponentKey'; Value = ' ' }
    ) {
        $params = @{ Props = $Props; ErrorAction = 'Stop' }
        if ($Parameter -eq 'OrgId') { $params.ComponentCode = $ComponentCode }
        $params[$Parameter] = $Value

        Get-ThrownErrorText { New-PdSource @params } | Should -MatchExactly "\b$Parameter\b"
        @(Get-EmulatorRequest).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 0
    }
}

Describe 'Set-PdSource' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $source = New-TestSource -Name 'before'
        Clear-EmulatorRequest
    }

    It 'puts only the name given by -Name and writes nothing without -PassThru' {
        $result = Set-PdSource -Id $source.id -Name 'after'

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'PUT'
        $requests[0].Path | Should -Be "/v1/sources/$($source.id)"
        $body = $requests[0].Body | ConvertFrom-Json
        $body.name | Should -Be 'after'
        # An unchanged setting is not sent, so renaming never re-enables or re-configures a source.
        $body.PSObject.Properties.Name | Should -Not -Contain 'active'
        $body.PSObject.Properties.Name | Should -Not -Contain 'configured_props'
        (Get-TestSourceById $source.id).name | Should -Be 'after'
    }

    It 'puts -Active and -Props as active and configured_props' {
        Set-PdSource -Id $source.id -Active $false -Props @{ url = 'https://other.example.com/rss'; timer = @{ intervalSeconds = 120 } }

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'PUT'
        $body = $request.Body | ConvertFrom-Json
        $body.active | Should -BeFalse
        $body.configured_props.url | Should -Be 'https://other.example.com/rss'
        $body.configured_props.timer.intervalSeconds | Should -Be 120
        $stored = Get-TestSourceById $source.id
        $stored.active | Should -BeFalse
        $stored.configured_props.url | Should -Be 'https://other.example.com/rss'
        $stored.configured_props.timer.interval_seconds | Should -Be 120
    }

    It 'writes the updated PSPipedream.Source with -PassThru' {
        $result = Set-PdSource -Id $source.id -Name 'renamed' -PassThru

        @($result).Count | Should -Be 1
        Test-PdTypeName $result 'Source' | Should -BeTrue
        $result.Id | Should -Be $source.id
        $result.Name | Should -Be 'renamed'
    }

    It 'binds -Id from a piped SourceId property' {
        [pscustomobject]@{ SourceId = $source.id } | Set-PdSource -Name 'piped'

        (@(Get-EmulatorRequest)[-1]).Path | Should -Be "/v1/sources/$($source.id)"
        (Get-TestSourceById $source.id).name | Should -Be 'piped'
    }

    It 'sends nothing with -WhatIf' {
        Set-PdSource -Id $source.id -Name 'never' -Active $false -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
        $stored = Get-TestSourceById $source.id
        $stored.name | Should -Be 'before'
        $stored.active | Should -BeTrue
    }

    It 'rejects an -Id of <Id> before any request' -TestCases @(
        @{ Id = 'p_abc123' }, @{ Id = 'wh_abc123' }, @{ Id = ' ' }
    ) {
        Get-ThrownErrorText { Set-PdSource -Id $Id -Name 'x' -ErrorAction Stop } | Should -MatchExactly '\bId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'rejects a -ComponentId of another resource before any request' {
        Get-ThrownErrorText { Set-PdSource -Id $source.id -ComponentId 'dc_abc123' -ErrorAction Stop } |
            Should -MatchExactly '\bComponentId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a call that changes nothing, before any request' {
        Get-ThrownErrorText { Set-PdSource -Id $source.id -ErrorAction Stop } | Should -Match 'Nothing to change'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'puts the same configured_props for -Props as a hashtable, a PSCustomObject and JSON text' {
        $json = '{"url": "https://other.example.com/rss", "timer": {"intervalSeconds": 120}, "tags": ["a", "b"]}'
        Set-PdSource -Id $source.id -Props @{ url = 'https://other.example.com/rss'; timer = @{ intervalSeconds = 120 }; tags = @('a', 'b') }
        Set-PdSource -Id $source.id -Props ($json | ConvertFrom-Json)
        # JSON text as Import-Csv gives it: one column of a row.
        $csv = Join-Path $TestDrive 'sources.csv'
        @([pscustomobject]@{ Id = $source.id; Props = $json }) | Export-Csv -Path $csv -NoTypeInformation
        Import-Csv $csv | ForEach-Object { Set-PdSource -Id $_.Id -Props $_.Props }

        $puts = @(Get-EmulatorRequest | Where-Object Method -EQ 'PUT')
        $puts.Count | Should -Be 3
        # Key order is not the point (a hashtable has none): compare the bodies with sorted keys.
        $bodies = @($puts | ForEach-Object { ConvertTo-SortedJson ($_.Body | ConvertFrom-Json) })
        $bodies[0] | Should -BeExactly '{"configured_props":{"tags":["a","b"],"timer":{"intervalSeconds":120},"url":"https://other.example.com/rss"}}'
        $bodies[1] | Should -BeExactly $bodies[0]
        $bodies[2] | Should -BeExactly $bodies[0]
        (Get-TestSourceById $source.id).configured_props.url | Should -Be 'https://other.example.com/rss'
    }

    It 'refuses -Props of <Name> with the wording New-PdSource gives, before any request' -TestCases @(
        @{ Name = 'a JSON array'; Props = '[1, 2]'; Expected = 'an object of named values' }
        @{ Name = 'a JSON number'; Props = '42'; Expected = 'an object of named values' }
        @{ Name = 'a number'; Props = 42; Expected = 'an object of named values' }
        @{ Name = 'text that is not JSON'; Props = 'url=https://x.example.com/'; Expected = 'not valid JSON' }
        @{ Name = 'cut-off JSON'; Props = '{"url": "https://x.example.com/"'; Expected = 'not valid JSON' }
        @{ Name = 'an empty CSV cell'; Props = ''; Expected = 'not valid JSON' }
    ) {
        $err = Get-PdErrorRecord { Set-PdSource -Id $source.id -Props $Props }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.ParameterName | Should -Be 'Props'
        $err.Exception.Message | Should -Match $Expected
        $new = Get-PdErrorRecord { New-PdSource -ComponentCode $ComponentCode -Props $Props }
        $err.Exception.Message | Should -BeExactly $new.Exception.Message
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSourceById $source.id).configured_props.url | Should -Be 'https://rss.example.com/feed'
    }

    It 'refuses -Props of JSON null, which would set nothing, before any request' {
        $err = Get-PdErrorRecord { Set-PdSource -Id $source.id -Props 'null' -Name 'after' }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -Match 'JSON null'
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSourceById $source.id).name | Should -Be 'before'
    }

    It 'sends nothing with -WhatIf and -Props as JSON text' {
        Set-PdSource -Id $source.id -Props '{"url": "https://never.example.com/"}' -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSourceById $source.id).configured_props.url | Should -Be 'https://rss.example.com/feed'
    }
}

Describe 'Enable-PdSource and Disable-PdSource' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $on = New-TestSource -Name 'on' -Active $true
        $off = New-TestSource -Name 'off' -Active $false
        Clear-EmulatorRequest
    }

    It 'Disable-PdSource puts active false' {
        $result = Disable-PdSource -Id $on.id

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'PUT'
        $requests[0].Path | Should -Be "/v1/sources/$($on.id)"
        ($requests[0].Body | ConvertFrom-Json).active | Should -BeFalse
        (Get-TestSourceById $on.id).active | Should -BeFalse
    }

    It 'Enable-PdSource puts active true and writes the Source with -PassThru' {
        $result = Enable-PdSource -Id $off.id -PassThru

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'PUT'
        $request.Path | Should -Be "/v1/sources/$($off.id)"
        ($request.Body | ConvertFrom-Json).active | Should -BeTrue
        Test-PdTypeName $result 'Source' | Should -BeTrue
        $result.Id | Should -Be $off.id
        $result.Active | Should -BeTrue
        (Get-TestSourceById $off.id).active | Should -BeTrue
    }

    It 'binds -Id from piped Id and SourceId properties' {
        [pscustomobject]@{ Id = $on.id } | Disable-PdSource
        [pscustomobject]@{ SourceId = $off.id } | Enable-PdSource

        (Get-TestSourceById $on.id).active | Should -BeFalse
        (Get-TestSourceById $off.id).active | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        Disable-PdSource -Id $on.id -WhatIf
        Enable-PdSource -Id $off.id -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSourceById $on.id).active | Should -BeTrue
        (Get-TestSourceById $off.id).active | Should -BeFalse
    }

    It 'writes a non-terminating ObjectNotFound error for a missing source and goes on' {
        @([pscustomobject]@{ Id = 'dc_missing1' }, [pscustomobject]@{ Id = $on.id }) |
            Disable-PdSource -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-EmulatorRequest).Count | Should -Be 2
        (Get-TestSourceById $on.id).active | Should -BeFalse
    }

    It 'rejects an -Id with the wrong prefix before any request' {
        Get-ThrownErrorText { Disable-PdSource -Id 'sc_abc123' -ErrorAction Stop } | Should -MatchExactly '\bId\b'
        Get-ThrownErrorText { Enable-PdSource -Id 'o_emulator' -ErrorAction Stop } | Should -MatchExactly '\bId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Remove-PdSource' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $first = New-TestSource -Name 'first'
        $second = New-TestSource -Name 'second'
        Clear-EmulatorRequest
    }

    It 'deletes the source with -Force and writes nothing' {
        $result = Remove-PdSource -Id $first.id -Force

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'DELETE'
        $requests[0].Path | Should -Be "/v1/sources/$($first.id)"
        @(Get-TestSource).id | Should -Be @($second.id)
    }

    It 'deletes with -Confirm:$false' {
        Remove-PdSource -Id $first.id -Confirm:$false

        @(Get-TestSource).id | Should -Be @($second.id)
    }

    It 'binds -Id from piped SourceId and Id properties' {
        @([pscustomobject]@{ SourceId = $first.id }, [pscustomobject]@{ Id = $second.id }) | Remove-PdSource -Force

        @(Get-EmulatorRequest).Path | Should -Be @("/v1/sources/$($first.id)", "/v1/sources/$($second.id)")
        @(Get-TestSource).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        Remove-PdSource -Id $first.id -WhatIf
        Remove-PdSource -Id $second.id -WhatIf -Force

        @(Get-EmulatorRequest).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 2
    }

    It 'writes a non-terminating ObjectNotFound error for a missing source and goes on' {
        @([pscustomobject]@{ Id = 'dc_missing1' }, [pscustomobject]@{ Id = $first.id }) |
            Remove-PdSource -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-TestSource).id | Should -Be @($second.id)
    }

    It 'rejects an -Id of <Id> before any request' -TestCases @(
        @{ Id = 'wh_abc123' }, @{ Id = 'p_abc123' }, @{ Id = '' }
    ) {
        Get-ThrownErrorText { Remove-PdSource -Id $Id -Force -ErrorAction Stop } | Should -MatchExactly '\bId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 2
    }
}
