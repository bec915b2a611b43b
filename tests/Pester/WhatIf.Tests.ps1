# -WhatIf sends nothing at all, even when the connection would be made from environment variables
# (which checks the key with GET /users/me): the target is built without connecting.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emu = @{ Emulator = $env:PSPD_TEST_ROOT }
    $script:EnvNames = 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL', 'PIPEDREAM_ORG_ID'
}

Describe '-WhatIf with only an implicit connection from the environment' {
    BeforeAll {
        Reset-Emulator
        $script:Saved = @{}
        foreach ($name in $script:EnvNames) { $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        $setting = Get-EmulatorSetting
        $env:PIPEDREAM_API_KEY = $setting.ApiKey
        $env:PIPEDREAM_BASE_URL = $setting.BaseUri
        $env:PIPEDREAM_ORG_ID = $null
    }

    AfterAll {
        foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
        Disconnect-PdAccount
    }

    BeforeEach {
        Disconnect-PdAccount
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
    }

    It 'sends no request, not even GET /users/me, from any change cmdlet' {
        $base = (Get-EmulatorSetting).BaseUri.TrimEnd('/')
        # What-if lines go to the host, which a transcript records.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ('pspd-whatif-' + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try {
            Invoke-PdApi -Method DELETE -Path sources/dc_x -WhatIf
            Remove-PdSource -Id dc_x -WhatIf
            Set-PdSource -Id dc_x -Name renamed -WhatIf
            Enable-PdSource -Id dc_x -WhatIf
            Disable-PdSource -Id dc_x -WhatIf
            New-PdSource -ComponentId sc_x -Name n -WhatIf
            New-PdSource -ComponentKey rss-new-item-in-feed -WhatIf
            New-PdComponent -Code 'export default {}' -WhatIf
            New-PdWebhook -Url https://example.com/hook -WhatIf
            New-PdSubscription -EmitterId dc_x -ListenerId p_x -WhatIf
            New-PdAutoSubscription -ListenerId p_x -EventName '$errors' -WhatIf
            Remove-PdSubscription -EmitterId dc_x -ListenerId p_x -WhatIf
            Remove-PdEvent -SourceId dc_x -All -WhatIf
            Remove-PdWebhook -Id wh_x -WhatIf
        }
        finally { $null = Stop-Transcript }
        $text = Get-Content -Raw $transcript
        Remove-Item $transcript
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
        Get-PdContext | Should -BeNullOrEmpty
        # Invoke-PdApi still names the full URL the request would go to.
        $text | Should -Match ([regex]::Escape("What if: Performing the operation ""Send request"" on target ""DELETE $base/sources/dc_x""."))

        # Confirmed, the same call connects (checking the key) and sends.
        $null = Invoke-PdApi -Method DELETE -Path sources/dc_x -Confirm:$false -ErrorAction SilentlyContinue
        @(Get-PdEmulatorRequest @script:Emu | ForEach-Object { "$($_.Method) $($_.Path)" }) | Should -Be @('GET /v1/users/me', 'DELETE /v1/sources/dc_x')
    }
}
