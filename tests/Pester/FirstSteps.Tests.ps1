# What a new user meets first: a plain-text -ApiKey, one full page and a word when there is
# more, and errors that point at a wrong -BaseUri.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Setting = Get-EmulatorSetting

    function Get-ListRequest { @(Get-EmulatorRequest | Where-Object Path -eq '/v1/users/me/sources') }

    # A loopback port that nothing listens on.
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

Describe 'Connect-PdAccount -ApiKey as plain text' {
    It 'connects, and the key shows in no stream or transcript' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("pspd-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try {
            $all = & {
                $c = Connect-PdAccount -BaseUri $Setting.BaseUri -ApiKey $Setting.ApiKey -PassThru -Verbose -Debug
                $c | Format-List * | Out-String
                Get-PdContext | Format-List * | Out-String
            } *>&1 | Out-String -Width 4096
        }
        finally {
            $null = Stop-Transcript
        }
        try {
            $all | Should -Match 'Connected as emulator'
            $all | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
            Get-Content -Raw $transcript | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
            (Get-PdContext).KeySource | Should -Be 'Parameter'
            (Get-PdUser).Username | Should -Be 'emulator'
        }
        finally { Remove-Item $transcript -ErrorAction SilentlyContinue }
    }

    It 'still takes a SecureString, and refuses a plain key that is wrong like any other' {
        $null = Connect-PdAccount -BaseUri $Setting.BaseUri -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey)
        { Connect-PdAccount -BaseUri $Setting.BaseUri -ApiKey ('z' * 32) } | Should -Throw -ErrorId 'PdUnauthorized,PSPipedream.Cmdlets.ConnectPdAccountCommand'
    }
}

Describe 'One page, and a warning when there is more' {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 250
        $null = Connect-TestAccount
    }

    BeforeEach { Clear-EmulatorRequest }

    It 'a plain Get-PdSource asks once for 100 and says how many there are' {
        $out = @(Get-PdSource -WarningVariable warnings 3>$null)
        $out.Count | Should -Be 100
        $requests = Get-ListRequest
        $requests.Count | Should -Be 1
        (ConvertFrom-TestQuery $requests[0].Query).limit | Should -Be '100'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be 'Showing 100 of 250 sources. Use -All for every one, or -First <n>.'
    }

    It 'says nothing with -All, -First, -PageSize or -WarningAction SilentlyContinue' {
        @(Get-PdSource -All -WarningVariable w1).Count | Should -Be 250
        # -All keeps 100 a request.
        (Get-ListRequest | ForEach-Object { (ConvertFrom-TestQuery $_.Query).limit }) | Should -Be '100', '100', '100'
        @(Get-PdSource -First 20 -WarningVariable w2).Count | Should -Be 20
        @(Get-PdSource -PageSize 30 -WarningVariable w3).Count | Should -Be 30
        $w4 = Get-PdSource -WarningAction SilentlyContinue 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        @($w1).Count + @($w2).Count + @($w3).Count + @($w4).Count | Should -Be 0
    }

    It 'says nothing when the page holds everything' {
        Reset-Emulator
        $null = New-EmulatorSource -Count 7
        @(Get-PdSource -WarningVariable w).Count | Should -Be 7
        @($w).Count | Should -Be 0
    }

    It 'names what it lists: webhooks' {
        Reset-Emulator
        1..101 | ForEach-Object { $null = Invoke-TestApi -Method POST -Path "webhooks?url=https://example.com/$_" }
        @(Get-PdWebhook -WarningVariable w 3>$null).Count | Should -Be 100
        "$($w[0])" | Should -Be 'Showing 100 of 101 webhooks. Use -All for every one, or -First <n>.'
    }
}

Describe 'Errors that point at a wrong -BaseUri' {
    It 'a base URI without /v1 gets "Did you mean"' {
        $root = $Setting.BaseUri -replace '/v1/?$', ''
        $err = $null
        try { Connect-PdAccount -BaseUri $root -ApiKey $Setting.ApiKey } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'PdNotFound,PSPipedream.Cmdlets.ConnectPdAccountCommand'
        $err.Exception.Message | Should -BeLike "GET /users/me failed with 404 Not Found after 1 attempt:* Did you mean -BaseUri $root/v1?"
    }

    It 'a port where nothing listens is named in the error' {
        $port = Get-ClosedPort
        $err = $null
        try { Connect-PdAccount -BaseUri "http://127.0.0.1:$port/v1" -ApiKey $Setting.ApiKey -MaxRetries 0 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'PdConnectionFailed,PSPipedream.Cmdlets.ConnectPdAccountCommand'
        $err.Exception.Message | Should -BeLike "GET http://127.0.0.1:$port/v1/users/me failed after 1 attempt: *refused*"
    }
}

AfterAll {
    Reset-Emulator
    $null = Connect-TestAccount
}
