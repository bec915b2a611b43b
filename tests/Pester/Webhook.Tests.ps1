BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    function New-TestWebhook([string] $Url, [string] $Name) {
        $query = 'url=' + [uri]::EscapeDataString($Url)
        if ($Name) { $query += '&name=' + [uri]::EscapeDataString($Name) }
        (Invoke-TestApi -Method POST -Path "webhooks?$query").data
    }

    # The webhooks the emulator holds for the default user, oldest first.
    function Get-TestWebhook { @((Invoke-TestApi -Path 'users/me/webhooks?limit=100').data) }
}

Describe 'New-PdWebhook' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'posts url, name and description in the query string and writes the PSPipedream.Webhook' {
        $url = 'https://example.com:12345/endpoint?team=a&b=c%20d+e'
        $webhook = New-PdWebhook -Url $url -Name 'My hook' -Description 'Deliveries & more'

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'POST'
        $requests[0].Path | Should -Be '/v1/webhooks'
        $query = ConvertFrom-TestQuery $requests[0].Query
        $query['url'] | Should -BeExactly $url
        $query['name'] | Should -BeExactly 'My hook'
        $query['description'] | Should -BeExactly 'Deliveries & more'

        Test-PdTypeName $webhook 'Webhook' | Should -BeTrue
        $webhook.Id | Should -Match '^wh_'
        $webhook.UserId | Should -Be 'u_emulator'
        $webhook.Url | Should -BeExactly $url
        $webhook.Name | Should -Be 'My hook'
        $webhook.Description | Should -Be 'Deliveries & more'
        $webhook.Active | Should -BeTrue
        $webhook.CreatedAt | Should -BeOfType [datetime]
        $webhook.UpdatedAt | Should -BeOfType [datetime]
        $webhook.CreatedAt.ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-10))

        $stored = Get-TestWebhook
        $stored.id | Should -Be @($webhook.Id)
        $stored[0].url | Should -BeExactly $url
    }

    It 'sends only url when -Name and -Description are not given' {
        $webhook = New-PdWebhook -Url 'http://example.com'

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[0]).Query
        $query['url'] | Should -Be 'http://example.com'
        $query.ContainsKey('name') | Should -BeFalse
        $query.ContainsKey('description') | Should -BeFalse
        $webhook.Name | Should -BeNullOrEmpty
    }

    It 'binds Url, Name and Description from piped objects' {
        $webhooks = @(
            [pscustomobject]@{ Url = 'https://one.example.com'; Name = 'one' },
            [pscustomobject]@{ Url = 'https://two.example.com'; Name = 'two'; Description = 'second' }
        ) | New-PdWebhook

        $webhooks.Name | Should -Be @('one', 'two')
        (Get-TestWebhook).url | Should -Be @('https://one.example.com', 'https://two.example.com')
    }

    It 'sends nothing and creates nothing with -WhatIf' {
        $result = New-PdWebhook -Url 'https://example.com' -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        Get-TestWebhook | Should -BeNullOrEmpty
    }

    It 'rejects the URL <Url> before any request' -TestCases @(
        @{ Url = 'example.com' },
        @{ Url = 'mysql://user:pass@host:3306' },
        @{ Url = 'ftp://example.com/drop' },
        @{ Url = 'https://' },
        @{ Url = ' ' }
    ) {
        Get-ThrownErrorText { New-PdWebhook -Url $Url -ErrorAction Stop } | Should -MatchExactly '\bUrl\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
        Get-TestWebhook | Should -BeNullOrEmpty
    }
}

Describe 'Get-PdWebhook' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $hooks = @(1..5 | ForEach-Object { New-TestWebhook -Url "https://hook$_.example.com/in" -Name "hook $_" })
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'gets GET /users/me/webhooks and writes PSPipedream.Webhook objects, oldest first' {
        $webhooks = @(Get-PdWebhook -All)

        $requests = @(Get-EmulatorRequest)
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be '/v1/users/me/webhooks'
        $webhooks.Id | Should -Be @($hooks.id)
        Test-PdTypeName $webhooks[0] 'Webhook' | Should -BeTrue
        $webhooks[2].Name | Should -Be 'hook 3'
        $webhooks[2].Url | Should -Be 'https://hook3.example.com/in'
        $webhooks[2].Active | Should -BeTrue
        $webhooks[2].CreatedAt | Should -BeOfType [datetime]
    }

    It 'sends -PageSize as limit and follows the cursors with -All' {
        $webhooks = @(Get-PdWebhook -PageSize 2 -All)

        $webhooks.Id | Should -Be @($hooks.id)
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 3
        foreach ($r in $requests) { (ConvertFrom-TestQuery $r.Query)['limit'] | Should -Be '2' }
        (ConvertFrom-TestQuery $requests[0].Query).ContainsKey('after') | Should -BeFalse
        (ConvertFrom-TestQuery $requests[1].Query)['after'] | Should -Not -BeNullOrEmpty
    }

    It 'stops at -First' {
        $webhooks = @(Get-PdWebhook -First 2)

        $webhooks.Id | Should -Be @($hooks[0].id, $hooks[1].id)
    }

    It 'rejects -PageSize <PageSize> before any request' -TestCases @(@{ PageSize = 0 }, @{ PageSize = 101 }) {
        Get-ThrownErrorText { Get-PdWebhook -PageSize $PageSize -ErrorAction Stop } | Should -MatchExactly '\bPageSize\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Remove-PdWebhook' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $first = New-TestWebhook -Url 'https://first.example.com'
        $second = New-TestWebhook -Url 'https://second.example.com'
        Clear-EmulatorRequest
    }

    It 'deletes DELETE /webhooks/{id} with -Force and writes nothing' {
        $result = Remove-PdWebhook -Id $first.id -Force

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'DELETE'
        $requests[0].Path | Should -Be "/v1/webhooks/$($first.id)"
        (Get-TestWebhook).id | Should -Be @($second.id)
    }

    It 'binds -Id from piped Id and WebhookId properties' {
        @([pscustomobject]@{ Id = $first.id }, [pscustomobject]@{ WebhookId = $second.id }) | Remove-PdWebhook -Confirm:$false

        @(Get-EmulatorRequest).Path | Should -Be @("/v1/webhooks/$($first.id)", "/v1/webhooks/$($second.id)")
        Get-TestWebhook | Should -BeNullOrEmpty
    }

    It 'removes what Get-PdWebhook lists' {
        Get-PdWebhook | Where-Object Url -like '*second*' | Remove-PdWebhook -Force

        (Get-TestWebhook).id | Should -Be @($first.id)
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        Remove-PdWebhook -Id $first.id -WhatIf
        Remove-PdWebhook -Id $second.id -WhatIf -Force

        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestWebhook).Count | Should -Be 2
    }

    It 'writes a non-terminating ObjectNotFound error for a missing webhook and goes on' {
        @([pscustomobject]@{ Id = 'wh_missing1' }, [pscustomobject]@{ Id = $first.id }) |
            Remove-PdWebhook -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-TestWebhook).id | Should -Be @($second.id)
    }

    It 'rejects an -Id of <Id> before any request' -TestCases @(@{ Id = 'dc_abc123' }, @{ Id = ' ' }) {
        Get-ThrownErrorText { Remove-PdWebhook -Id $Id -Force -ErrorAction Stop } | Should -MatchExactly '\bId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestWebhook).Count | Should -Be 2
    }
}
