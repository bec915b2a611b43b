# Get-PdSource: paging (-All, -First, -Skip, -IncludeTotalCount, -PageSize, -After, -Before),
# field selection, -Id, -Name, org scoping and the Source model.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Setting = Get-EmulatorSetting

    # A raw API page (bypassing the module), for cursors and expected ids.
    function Get-RawPage([string] $Query) {
        Invoke-RestMethod -Uri ($Setting.BaseUri.TrimEnd('/') + '/users/me/sources?' + $Query) -Headers @{ Authorization = "Bearer $($Setting.ApiKey)" }
    }

    function Get-SourceRequest {
        @(Get-EmulatorRequest | Where-Object { $_.Path -like '/v1/*/sources' })
    }
}

Describe 'Get-PdSource paging' {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 250
        $null = Connect-TestAccount
        $script:AllIds = @()
        $query = 'limit=100'
        do {
            $page = Get-RawPage $query
            $script:AllIds += @($page.data.id)
            $query = "limit=100&after=$($page.page_info.end_cursor)"
        } while ($script:AllIds.Count -lt 250)
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'without -All or -First reads one page of 100, the most one request may bring' {
        $s = @(Get-PdSource -WarningAction SilentlyContinue)
        $s.Count | Should -Be 100
        $s.Id | Should -Be $AllIds[0..99]
        $r = Get-SourceRequest
        $r.Count | Should -Be 1
        (ConvertFrom-TestQuery $r[0].Query).limit | Should -Be '100'
    }

    It '-PageSize sets the size of that one page' {
        @(Get-PdSource -PageSize 25).Count | Should -Be 25
        (ConvertFrom-TestQuery (Get-SourceRequest)[0].Query).limit | Should -Be '25'
    }

    It '-All over 250 sources sends 3 requests of limit=100' {
        $s = @(Get-PdSource -All)
        $s.Count | Should -Be 250
        @($s.Id | Select-Object -Unique).Count | Should -Be 250
        $r = Get-SourceRequest
        $r.Count | Should -Be 3
        $r | ForEach-Object { (ConvertFrom-TestQuery $_.Query).limit | Should -Be '100' }
    }

    It '-All -PageSize 50 sends 5 requests' {
        @(Get-PdSource -All -PageSize 50).Count | Should -Be 250
        (Get-SourceRequest).Count | Should -Be 5
    }

    It '-First 5 sends one request of limit 5' {
        $s = @(Get-PdSource -First 5)
        $s.Id | Should -Be $AllIds[0..4]
        $r = Get-SourceRequest
        $r.Count | Should -Be 1
        (ConvertFrom-TestQuery $r[0].Query).limit | Should -Be '5'
    }

    It '-First 150 asks only for what it needs: limit 100 then 50' {
        @(Get-PdSource -First 150).Count | Should -Be 150
        @(Get-SourceRequest | ForEach-Object { (ConvertFrom-TestQuery $_.Query).limit }) | Should -Be @('100', '50')
    }

    It '-All | Select-Object -First 1 sends exactly one request' {
        $s = @(Get-PdSource -All | Select-Object -First 1)
        $s.Count | Should -Be 1
        (Get-SourceRequest).Count | Should -Be 1
    }

    It 'streams: the first item arrives before the later pages are requested' {
        $seen = Get-PdSource -All | Select-Object -First 1 | ForEach-Object { @(Get-SourceRequest).Count }
        $seen | Should -Be 1
    }

    It '-Skip skips client side' {
        $s = @(Get-PdSource -Skip 10 -First 5)
        $s.Id | Should -Be $AllIds[10..14]
        (ConvertFrom-TestQuery (Get-SourceRequest)[0].Query).limit | Should -Be '15'
    }

    It '-Skip alone gives the page after the skipped items' {
        @(Get-PdSource -Skip 5).Id | Should -Be $AllIds[5..104]
    }

    It '-Skip with -All skips the first items of the whole list' {
        $s = @(Get-PdSource -All -Skip 245)
        $s.Id | Should -Be $AllIds[245..249]
    }

    It '-IncludeTotalCount writes the total from page_info first' {
        $out = @(Get-PdSource -First 3 -IncludeTotalCount)
        $out.Count | Should -Be 4
        [uint64]$out[0] | Should -Be 250
        "$($out[0])" | Should -Match '250'
        $out[1].Id | Should -Be $AllIds[0]
    }

    It '-After continues after a cursor' {
        $cursor = (Get-RawPage 'limit=20').page_info.end_cursor
        Clear-EmulatorRequest
        @(Get-PdSource -After $cursor -First 5).Id | Should -Be $AllIds[20..24]
    }

    It '-Before pages backwards with start_cursor' {
        $cursor = (Get-RawPage 'limit=100').page_info.end_cursor   # names item 99
        Clear-EmulatorRequest
        $s = @(Get-PdSource -Before $cursor -All -PageSize 40)
        $s.Count | Should -Be 99
        ($s.Id | Sort-Object) | Should -Be ($AllIds[0..98] | Sort-Object)
        $r = Get-SourceRequest
        $r | ForEach-Object { (ConvertFrom-TestQuery $_.Query).ContainsKey('before') | Should -BeTrue }
        $r | ForEach-Object { (ConvertFrom-TestQuery $_.Query).ContainsKey('after') | Should -BeFalse }
        (ConvertFrom-TestQuery $r[0].Query).before | Should -Be $cursor
    }

    It '-After with -Before is refused before any request' {
        { Get-PdSource -After a -Before b -ErrorAction Stop } | Should -Throw -ErrorId 'PdInvalidArgument*'
        (Get-SourceRequest).Count | Should -Be 0
    }

    It '-PageSize outside 1..100 is refused' {
        { Get-PdSource -PageSize 101 } | Should -Throw
        { Get-PdSource -PageSize 0 } | Should -Throw
        (Get-SourceRequest).Count | Should -Be 0
    }
}

Describe 'Get-PdSource fields and filters' {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 3 -NamePrefix 'alpha-'
        $null = New-EmulatorSource -Count 2 -NamePrefix 'beta-'
        $null = Connect-TestAccount
        $script:Ids = @((Get-RawPage 'limit=100').data.id)
    }
    BeforeEach { Clear-EmulatorRequest }

    It '-Property maps PascalCase names to include' {
        $s = @(Get-PdSource -Property Id, CreatedAt, NameSlug)
        (ConvertFrom-TestQuery (Get-SourceRequest)[0].Query).include | Should -Be 'id,created_at,name_slug'
        $s[0].Id | Should -Not -BeNullOrEmpty
        $s[0].CreatedAt | Should -BeOfType [datetime]
        $s[0].Name | Should -BeNullOrEmpty
        $s[0].ConfiguredProps | Should -BeNullOrEmpty
    }

    It '-ExcludeProperty maps to exclude' {
        $s = @(Get-PdSource -ExcludeProperty ConfiguredProps, ComponentId)
        (ConvertFrom-TestQuery (Get-SourceRequest)[0].Query).exclude | Should -Be 'configured_props,component_id'
        $s[0].ConfiguredProps | Should -BeNullOrEmpty
        $s[0].Name | Should -Not -BeNullOrEmpty
    }

    It '-Name takes wildcards, case-insensitively' {
        @(Get-PdSource -Name 'ALPHA-*').Count | Should -Be 3
        @(Get-PdSource -Name 'beta-1', 'alpha-2').Name | Should -Be @('alpha-2', 'beta-1')
    }

    It '-Name without wildcards that matches nothing is PdNotFound' {
        $out = Get-PdSource -Name 'gamma' -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        @(Get-PdSource -Name 'gamma*').Count | Should -Be 0
    }

    It '-Id finds sources and reports the missing ones as PdNotFound' {
        $out = @(Get-PdSource -Id $Ids[3], 'dc_missing', $Ids[0] -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Id | Should -Be @($Ids[0], $Ids[3])
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].TargetObject | Should -Be 'dc_missing'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-Id with a wrong prefix is refused before any request' {
        { Get-PdSource -Id 'sc_abc' -ErrorAction Stop } | Should -Throw -ErrorId 'PdInvalidArgument*'
        (Get-SourceRequest).Count | Should -Be 0
    }

    It 'a hostile org id stays in its path segment' {
        $null = Get-PdSource -OrgId 'o_x/../../users/me' -ErrorVariable errs -ErrorAction SilentlyContinue
        $r = @(Get-EmulatorRequest)
        $r.Count | Should -Be 1
        $r[0].Path | Should -Not -Be '/v1/users/me/sources'
        $r[0].Path | Should -BeLike '/v1/orgs/o_x*'
        $r[0].Status | Should -BeIn 403, 404
        $errs[0].FullyQualifiedErrorId | Should -BeIn 'PdNotFound,PSPipedream.Cmdlets.GetPdSourceCommand', 'PdForbidden,PSPipedream.Cmdlets.GetPdSourceCommand'
        $errs[0].TargetObject | Should -Be 'o_x/../../users/me'
        $errs[0].Exception.ApiMessage | Should -Not -BeNullOrEmpty
    }
}

Describe 'Source objects' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $body = @{ component_id = 'sc_schedEv'; name = 'every-minute'; configured_props = @{ timer = @{ intervalSeconds = 60 } } } | ConvertTo-Json -Depth 5
        $script:Created = (Invoke-RestMethod -Method Post -Uri ($Setting.BaseUri.TrimEnd('/') + '/sources') -Body $body -ContentType 'application/json' `
                -Headers @{ Authorization = "Bearer $($Setting.ApiKey)" }).data
        $script:Source = Get-PdSource -Id $Created.id
    }

    It 'is a PSPipedream.Source in Get-Member' {
        ($Source | Get-Member)[0].TypeName | Should -Be 'PSPipedream.Source'
    }

    It 'has PascalCase properties, UTC dates and the owner' {
        $Source.Id | Should -Be $Created.id
        $Source.Name | Should -Be 'every-minute'
        $Source.ComponentId | Should -Not -BeNullOrEmpty
        $Source.Active | Should -BeTrue
        $Source.CreatedAt | Should -BeOfType [datetime]
        $Source.CreatedAt.Kind | Should -Be 'Utc'
        $Source.CreatedAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Created.created_at).UtcDateTime)
        $Source.UserId | Should -Be 'u_emulator'
    }

    It 'exposes configured props as PSCustomObject' {
        $Source.ConfiguredProps.timer.interval_seconds | Should -Be 60
        $Source.ConfiguredProps | Should -BeOfType [pscustomobject]
    }
}

Describe 'Org sources' {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 4 -OwnerId o_emulator -NamePrefix 'org-'
        $null = New-EmulatorSource -Count 2 -NamePrefix 'mine-'
    }
    AfterAll { $null = Connect-TestAccount }
    BeforeEach {
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It '-OrgId lists the org''s sources and fills OrgId' {
        $s = @(Get-PdSource -OrgId o_emulator -All)
        $s.Count | Should -Be 4
        $s | ForEach-Object { $_.OrgId | Should -Be 'o_emulator' }
        (Get-SourceRequest)[0].Path | Should -Be '/v1/orgs/o_emulator/sources'
    }

    It 'Get-PdOrg | Get-PdSource lists each org''s sources' {
        $s = @(Get-PdOrg | Get-PdSource -All)
        $s.Count | Should -Be 4
        $s[0].Name | Should -BeLike 'org-*'
    }

    It 'the connection''s default org is used' {
        $null = Connect-TestAccount -OrgId o_emulator
        @(Get-PdSource -All).Count | Should -Be 4
        (Get-SourceRequest)[-1].Path | Should -Be '/v1/orgs/o_emulator/sources'
    }

    It 'a piped object with a bad OrgId is an error for that object only' {
        $s = @([pscustomobject]@{ OrgId = 'u_emulator' }, [pscustomobject]@{ OrgId = 'o_emulator' } |
            Get-PdSource -All -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $s.Count | Should -Be 4
        @(Get-SourceRequest).Path | Should -Be @('/v1/orgs/o_emulator/sources')
    }

    It 'a piped object whose OrgId is null lists the user''s own sources' {
        $s = @([pscustomobject]@{ OrgId = $null } | Get-PdSource -All)
        $s.Count | Should -Be 2
        @(Get-SourceRequest).Path | Should -Be @('/v1/users/me/sources')
    }

    It 'without an org, the user''s own sources' {
        $s = @(Get-PdSource -All)
        (Get-SourceRequest)[0].Path | Should -Be '/v1/users/me/sources'
        $s.Name | Where-Object { $_ -like 'mine-*' } | Should -HaveCount 2
    }
}
