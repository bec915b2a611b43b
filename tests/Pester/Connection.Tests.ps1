# Connect-PdAccount, Disconnect-PdAccount, Get-PdContext, Get-PdUser, Get-PdOrg and the
# connection rules: key sources, base URI checks, implicit connection, key hiding, Ctrl+C.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    $script:Setting = Get-EmulatorSetting
    $script:EnvNames = 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL', 'PIPEDREAM_ORG_ID', 'XDG_CONFIG_HOME'

    function Save-PdEnvironment {
        $saved = @{}
        foreach ($name in $script:EnvNames) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $null) }
        $saved
    }

    function Restore-PdEnvironment($Saved) {
        foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    }


    # A temporary XDG_CONFIG_HOME holding pipedream/config with the given text (or no file).
    function New-ProfileHome([string] $Text) {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ("pspd-xdg-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Force (Join-Path $dir 'pipedream')
        if ($PSBoundParameters.ContainsKey('Text')) {
            Set-Content -Path (Join-Path $dir 'pipedream/config') -Value $Text -Encoding utf8
        }
        $env:XDG_CONFIG_HOME = $dir
        $dir
    }

}

Describe 'Module' {
    It 'imports in a fresh pwsh -NoProfile without errors and exports exactly its cmdlets' {
        $pwsh = @(Get-PwshCommand)
        $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$($env:PSPD_TEST_MODULE)'; " +
            "(Get-Command -Module PSPipedream | Sort-Object Name | ForEach-Object Name) -join ','; " +
            "`$Error.Count"
        $exe = $pwsh[0]
        $pre = @($pwsh | Select-Object -Skip 1)
        $out = & $exe @pre -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0
        $out[-1] | Should -Be '0'

        $manifest = Import-PowerShellDataFile $env:PSPD_TEST_MODULE
        $dll = Join-Path (Split-Path $env:PSPD_TEST_MODULE) 'PSPipedream.dll'
        $built = [System.Reflection.Assembly]::LoadFrom($dll).GetExportedTypes() |
            Where-Object { -not $_.IsAbstract -and $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object {
                $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
                "$($a.VerbName)-$($a.NounName)"
            } | Sort-Object
        $out[-2] | Should -Be ($built -join ',')
        ($manifest.CmdletsToExport | Sort-Object) -join ',' | Should -Be ($built -join ',')
    }

    It 'declares an OutputType on every cmdlet' {
        foreach ($command in Get-Command -Module PSPipedream) {
            $command.OutputType.Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}

Describe 'Connect-PdAccount' {
    BeforeEach {
        Reset-Emulator
        Disconnect-PdAccount
        $script:Saved = Save-PdEnvironment
    }
    AfterEach {
        Restore-PdEnvironment $script:Saved
        Disconnect-PdAccount
    }

    It 'connects with -ApiKey and -BaseUri, checks the key, and sets the context' {
        Clear-EmulatorRequest
        $c = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri -PassThru
        $c.PSObject.TypeNames[0] | Should -Be 'PSPipedream.PdConnection'
        $c.UserId | Should -Be 'u_emulator'
        $c.Username | Should -Be 'emulator'
        $c.KeySource | Should -Be 'Parameter'
        $c.ApiKeyHint | Should -Be ('****' + $Setting.ApiKey.Substring($Setting.ApiKey.Length - 4))
        (Get-EmulatorRequest | Where-Object Path -eq '/v1/users/me').Count | Should -Be 1

        $ctx = Get-PdContext
        $ctx.UserId | Should -Be 'u_emulator'
        $ctx.BaseUri.AbsoluteUri | Should -Be ($Setting.BaseUri.TrimEnd('/') + '/')
        $ctx.OrgId | Should -BeNullOrEmpty
    }

    It 'writes nothing without -PassThru' {
        Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri | Should -BeNullOrEmpty
        Get-PdContext | Should -Not -BeNullOrEmpty
    }

    It 'fails at once on a bad key with PdUnauthorized' {
        $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey (ConvertTo-TestSecureString ('x' * 32)) -BaseUri $Setting.BaseUri }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PdUnauthorized*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.ApiMessage | Should -Be 'invalid API key'
        $err.Exception.Message | Should -BeLike 'GET /v1/users/me failed with 401 Unauthorized after 1 attempt: invalid API key*'
        Get-PdContext | Should -BeNullOrEmpty
    }

    It 'refuses http:// to a host that is not loopback, before sending anything' {
        Clear-EmulatorRequest
        foreach ($uri in 'http://example.com/v1', 'http://10.0.0.1:8080/v1', 'http://127.0.0.1.example.com/v1') {
            $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $uri }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdInsecureBaseUri*'
            $err.CategoryInfo.Category | Should -Be 'SecurityError'
            "$err" | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
        }
        $env:PIPEDREAM_BASE_URL = 'http://api.example.org/v1'
        $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInsecureBaseUri*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'accepts http://localhost' {
        $local = $Setting.BaseUri -replace '127\.0\.0\.1', 'localhost'
        $c = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $local -PassThru
        $c.UserId | Should -Be 'u_emulator'
    }

    It 'takes key, base URI and org from environment variables' {
        $env:PIPEDREAM_API_KEY = $Setting.ApiKey
        $env:PIPEDREAM_BASE_URL = $Setting.BaseUri
        $env:PIPEDREAM_ORG_ID = 'o_emulator'
        $c = Connect-PdAccount -PassThru
        $c.KeySource | Should -Be 'Environment'
        $c.OrgId | Should -Be 'o_emulator'
        $c.UserId | Should -Be 'u_emulator'
    }

    It '-OrgId beats the environment' {
        $env:PIPEDREAM_ORG_ID = 'o_other'
        $c = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri -OrgId o_emulator -PassThru
        $c.OrgId | Should -Be 'o_emulator'
    }

    Context 'profiles of the pd CLI config' {
        BeforeEach {
            $env:PIPEDREAM_BASE_URL = $Setting.BaseUri
        }
        AfterEach {
            if ($env:XDG_CONFIG_HOME -and $env:XDG_CONFIG_HOME -like '*pspd-xdg-*') { Remove-Item -Recurse -Force $env:XDG_CONFIG_HOME }
        }

        It 'reads the [default] profile, with comments and org_id' {
            $null = New-ProfileHome @"
# pd CLI config
; another comment
[default]
api_key = $($Setting.ApiKey)
org_id = o_emulator

[other]
api_key = nothing-here
"@
            $c = Connect-PdAccount -PassThru
            $c.KeySource | Should -Be 'Profile:default'
            $c.OrgId | Should -Be 'o_emulator'
            $c.UserId | Should -Be 'u_emulator'
        }

        It 'reads a named profile' {
            $null = New-ProfileHome @"
[default]
api_key = wrongwrongwrongwrongwrongwrong12
[work]
api_key = "$($Setting.ApiKey)"
"@
            $c = Connect-PdAccount -ProfileName work -PassThru
            $c.KeySource | Should -Be 'Profile:work'
            $c.OrgId | Should -BeNullOrEmpty
        }

        It 'prefers $env:PIPEDREAM_API_KEY to the default profile, but not to an explicit -ProfileName' {
            $null = New-ProfileHome "[default]`napi_key = $($Setting.ApiKey)`n[work]`napi_key = $($Setting.ApiKey)`n"
            $env:PIPEDREAM_API_KEY = $Setting.ApiKey
            (Connect-PdAccount -PassThru).KeySource | Should -Be 'Environment'
            (Connect-PdAccount -ProfileName work -PassThru).KeySource | Should -Be 'Profile:work'
        }

        It 'names the missing section' {
            $null = New-ProfileHome "[default]`napi_key = $($Setting.ApiKey)`n"
            $err = Get-PdErrorRecord { Connect-PdAccount -ProfileName nope }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdProfileNotFound*'
            "$err" | Should -Match '\[nope\]'
        }

        It 'explains every way to give a key when the file is missing' {
            $null = New-ProfileHome
            $err = Get-PdErrorRecord { Connect-PdAccount }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdNoApiKey*'
            "$err" | Should -Match '-ApiKey'
            "$err" | Should -Match 'PIPEDREAM_API_KEY'
            "$err" | Should -Match 'pipedream'
            $err = Get-PdErrorRecord { Connect-PdAccount -ProfileName work }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdProfileNotFound*'
        }

        It 'reports a profile without api_key' {
            $null = New-ProfileHome "[default]`norg_id = o_emulator`n"
            $err = Get-PdErrorRecord { Connect-PdAccount }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdNoApiKey*'
        }
    }
}

Describe 'Implicit connection and Disconnect-PdAccount' {
    BeforeEach {
        Reset-Emulator
        Disconnect-PdAccount
        $script:Saved = Save-PdEnvironment
    }
    AfterEach {
        Restore-PdEnvironment $script:Saved
        Disconnect-PdAccount
    }

    It 'connects from environment variables when no Connect-PdAccount was run' {
        $env:PIPEDREAM_API_KEY = $Setting.ApiKey
        $env:PIPEDREAM_BASE_URL = $Setting.BaseUri
        (Get-PdUser).Id | Should -Be 'u_emulator'
        (Get-PdContext).KeySource | Should -Be 'Environment'
    }

    It 'says how to connect when nothing is set' {
        $err = Get-PdErrorRecord { Get-PdUser }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdNotConnected*'
        "$err" | Should -Match 'Connect-PdAccount'
        "$err" | Should -Match 'PIPEDREAM_API_KEY'
    }

    It 'a bad key in the environment is PdUnauthorized, not an empty list' {
        $env:PIPEDREAM_API_KEY = 'y' * 32
        $env:PIPEDREAM_BASE_URL = $Setting.BaseUri
        $err = Get-PdErrorRecord { Get-PdSource }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdUnauthorized*'
    }

    It 'Disconnect-PdAccount forgets the current connection; kept objects still work' {
        $c = Connect-TestAccount
        Disconnect-PdAccount
        Get-PdContext | Should -BeNullOrEmpty
        (Get-PdUser -Connection $c).Id | Should -Be 'u_emulator'
    }
}

Describe 'Several accounts and runspaces' {
    BeforeAll {
        Reset-Emulator
        $script:Bob = New-EmulatorUser -Username "bob$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $script:BobConnection = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Bob.api_key) -BaseUri $Setting.BaseUri -PassThru
        $script:Default = Connect-TestAccount
    }

    It '-Connection picks the account for one call' {
        (Get-PdUser -Connection $BobConnection).Id | Should -Be $Bob.id
        (Get-PdUser).Id | Should -Be 'u_emulator'
    }

    It 'ForEach-Object -Parallel runspaces see the current connection' {
        $module = $env:PSPD_TEST_MODULE
        $ids = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:module
            (Get-PdUser).Id
        }
        $ids | Should -Be @('u_emulator', 'u_emulator', 'u_emulator')
    }
}

Describe 'Get-PdUser and Get-PdOrg' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
    }

    It 'Get-PdUser writes a PSPipedream.User with the quota fields' {
        $u = Get-PdUser
        $u.PSObject.TypeNames[0] | Should -Be 'PSPipedream.User'
        ($u | Get-Member).TypeName | Select-Object -First 1 | Should -Be 'PSPipedream.User'
        $u.Username | Should -Be 'emulator'
        $u.Email | Should -Be 'emulator@example.com'
        $u.DailyInvocationsQuota | Should -BeGreaterThan 0
        $u.Orgs[0].Id | Should -Be 'o_emulator'
    }

    It 'Get-PdUser shows billing fields as UTC dates for a paid user' {
        $paid = New-EmulatorUser -Username "payer$([guid]::NewGuid().ToString('N').Substring(0, 6))" -Plan paid
        $c = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $paid.api_key) -BaseUri $Setting.BaseUri -PassThru
        $null = Connect-TestAccount
        $u = Get-PdUser -Connection $c
        $u.BillingPeriodStart | Should -BeOfType [datetime]
        $u.BillingPeriodStart.Kind | Should -Be 'Utc'
    }

    It 'Get-PdOrg writes PSPipedream.Org objects' {
        $orgs = @(Get-PdOrg)
        $orgs.Count | Should -Be 1
        $orgs[0].PSObject.TypeNames[0] | Should -Be 'PSPipedream.Org'
        $orgs[0].Id | Should -Be 'o_emulator'
        $orgs[0].Name | Should -Be 'Emulator Org'
        $orgs[0].OrgName | Should -Be 'emulator-org'
    }

    It 'Get-PdOrg -Id reports an unknown org as PdNotFound' {
        $out = Get-PdOrg -Id o_nope -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
    }
}

Describe 'Secrets and cancellation' {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 3
        $script:Connection = Connect-TestAccount
    }

    It 'the API key is absent from every stream, the context, errors and a transcript under -Verbose -Debug' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("pspd-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try {
            $all = & {
                Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri -PassThru -Verbose -Debug
                Get-PdUser -Verbose -Debug
                Get-PdSource -All -Verbose -Debug
                Get-PdOrg -Verbose -Debug
                Get-PdSource -Id dc_nothere -Verbose -Debug
                Get-PdContext | Format-List * | Out-String
                try { Connect-PdAccount -ApiKey (ConvertTo-TestSecureString ('q' * 32)) -BaseUri $Setting.BaseUri -Verbose -Debug }
                catch { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
            } *>&1 | Out-String -Width 4096
        }
        finally {
            $null = Stop-Transcript
            $null = Connect-TestAccount
        }
        $all | Should -Match 'GET http://127\.0\.0\.1:\d+/v1/users/me -> 200 \(\d+ ms\)'
        $all | Should -Match 'Response body'
        $all | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
        $all | Should -Not -Match ('q' * 32)
        Get-Content -Raw $transcript | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
        Remove-Item $transcript
        ($Connection | Out-String) + $Connection.ToString() | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
    }

    It 'Ctrl+C (Stop) ends a slow request in under a second' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources*' -Delay 10000
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$($env:PSPD_TEST_MODULE)'; Get-PdSource")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (-not (Get-EmulatorRequest | Where-Object Path -eq '/v1/users/me/sources') -and [DateTime]::UtcNow -lt $deadline) {
                # the log entry is written when the answer goes out; wait until the request has at least been started
                if ($ps.InvocationStateInfo.State -eq 'Running') { Start-Sleep -Milliseconds 700; break }
                Start-Sleep -Milliseconds 50
            }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
            Clear-EmulatorFault
        }
    }
}
