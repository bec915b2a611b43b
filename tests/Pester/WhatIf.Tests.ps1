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

# What-if lines and prompts name what they touch: the piped object's name next to its id, the
# changes Set-PdSource would make, and the range of events Remove-PdEvent would delete.
Describe 'What-if lines and prompts name what they touch' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $null = Add-PdEmulatorSource @script:Emu -Count 3 -Confirm:$false -WhatIf:$false
        $script:Seeds = @(Get-PdSource -All | Sort-Object Name)
        $script:Seed1 = $script:Seeds[0]
        $script:Props = @{ url = 'https://rss.example.com/feed'; timer = @{ intervalSeconds = 60 } }
        $script:Feed = Invoke-TestApi -Method POST -Path sources -Body @{
            component_code   = 'module.exports = { key: "whatif-feed", props: { url: { type: "string" }, token: { type: "string", secret: true } }, async run() {} };'
            name             = 'feed-1'
            configured_props = @{ url = 'https://rss.example.com/feed'; token = 'tok_WHATIF_SECRET' }
        }
        $script:FeedId = $script:Feed.data.id

        # Runs the script block with a transcript on, and gives the text the host showed.
        function Get-HostText([scriptblock] $ScriptBlock) {
            $transcript = Join-Path ([IO.Path]::GetTempPath()) ('pspd-whatif-' + [guid]::NewGuid().ToString('N') + '.txt')
            $null = Start-Transcript -Path $transcript
            try { $null = & $ScriptBlock }
            finally { $null = Stop-Transcript }
            $text = Get-Content -Raw $transcript
            Remove-Item $transcript
            $text
        }

        function Get-WhatIfLine([string] $Action, [string] $Target) {
            [regex]::Escape("What if: Performing the operation ""$Action"" on target ""$Target"".")
        }

        # Nothing but reads reached the emulator.
        function Get-WriteRequest { @(Get-PdEmulatorRequest @script:Emu | Where-Object Method -NE 'GET') }
    }

    BeforeEach { Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false }

    It 'Remove-, Enable- and Disable-PdSource name each piped source by id and name' {
        $one, $two = $script:Seeds[0], $script:Seeds[1]
        $text = Get-HostText {
            $one, $two | Remove-PdSource -WhatIf
            $one | Enable-PdSource -WhatIf
            $one | Disable-PdSource -WhatIf -ThrottleLimit 4
        }
        $text | Should -Match (Get-WhatIfLine 'Delete source and its events' "$($one.Id) ($($one.Name))")
        $text | Should -Match (Get-WhatIfLine 'Delete source and its events' "$($two.Id) ($($two.Name))")
        $text | Should -Match (Get-WhatIfLine 'Enable source' "$($one.Id) ($($one.Name))")
        $text | Should -Match (Get-WhatIfLine 'Disable source' "$($one.Id) ($($one.Name))")
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'shows the bare id when only -Id is given, and sends nothing to find the name' {
        $text = Get-HostText { Remove-PdSource -Id $script:Seed1.Id -WhatIf }
        $text | Should -Match (Get-WhatIfLine 'Delete source and its events' $script:Seed1.Id)
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
    }

    It 'Set-PdSource -WhatIf lists the changes, old values from the piped source, and never a prop value' {
        $feed = Get-PdSource -Id $script:FeedId
        $text = Get-HostText {
            $feed | Set-PdSource -Name 'feed-2' -Active $false -Props @{ url = 'https://other.example.com/NEWVALUE'; token = 'tok_WHATIF_SECRET' } -WhatIf
        }
        $text | Should -Match (Get-WhatIfLine 'Update source: name: feed-1 -> feed-2; active: True -> False; props: changed (url)' "$($script:FeedId) (feed-1)")
        $text | Should -Not -Match 'NEWVALUE|tok_WHATIF_SECRET|rss\.example'
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'Set-PdSource -WhatIf lists the same changes for -Props as JSON text or a PSCustomObject' {
        $feed = Get-PdSource -Id $script:FeedId
        $json = '{"url": "https://other.example.com/NEWVALUE", "token": "tok_WHATIF_SECRET"}'
        $line = Get-WhatIfLine 'Update source: props: changed (url)' "$($script:FeedId) (feed-1)"
        Get-HostText { $feed | Set-PdSource -Props $json -WhatIf } | Should -Match $line
        Get-HostText { $feed | Set-PdSource -Props ($json | ConvertFrom-Json) -WhatIf } | Should -Match $line
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'Set-PdSource -Id alone shows the new values only' {
        $text = Get-HostText { Set-PdSource -Id $script:FeedId -Name 'feed-2' -Props @{ url = 'x'; timer = @{ intervalSeconds = 60 } } -WhatIf }
        $text | Should -Match (Get-WhatIfLine 'Update source: name -> feed-2; props: replaced (timer, url)' $script:FeedId)
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
    }

    It 'Remove-PdEvent names the source and the range of events' {
        $one = $script:Seed1
        $named = "$($one.Id) ($($one.Name))"
        $text = Get-HostText {
            $one | Remove-PdEvent -EndId 1796000000000-0 -WhatIf
            $one | Remove-PdEvent -StartId 1700000000000-0 -WhatIf
            $one | Remove-PdEvent -StartId 1700000000000-0 -EndId 1796000000000-0 -WhatIf
            $one | Remove-PdEvent -All -WhatIf
            $one | Remove-PdEvent -EventId 1700000000000-1 -WhatIf
        }
        $text | Should -Match (Get-WhatIfLine 'Delete events' "events of $named up to 1796000000000-0")
        $text | Should -Match (Get-WhatIfLine 'Delete events' "events of $named from 1700000000000-0 onward")
        $text | Should -Match (Get-WhatIfLine 'Delete events' "events of $named from 1700000000000-0 to 1796000000000-0")
        $text | Should -Match (Get-WhatIfLine 'Delete events' "all events of $named")
        $text | Should -Match (Get-WhatIfLine 'Delete events' "event 1700000000000-1 of $named")
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'subscriptions and webhooks name the piped emitter and webhook' {
        $hook = New-PdWebhook -Url https://hooks.example.com/in -Name 'ops-hook'
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        $one = $script:Seed1
        $text = Get-HostText {
            $one | New-PdSubscription -ListenerId p_abc -EventName '$errors' -WhatIf
            Get-PdWebhook | Remove-PdWebhook -WhatIf
            New-PdWebhook -Url https://hooks.example.com/two -Name 'second-hook' -WhatIf
        }
        $text | Should -Match (Get-WhatIfLine 'Create subscription' "$($one.Id) ($($one.Name)) -> p_abc (event `$errors)")
        $text | Should -Match (Get-WhatIfLine 'Remove webhook' "$($hook.Id) (ops-hook)")
        $text | Should -Match (Get-WhatIfLine 'Create webhook' 'https://hooks.example.com/two (second-hook)')
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'escapes control characters in a name that came from the server' {
        $esc = [string][char]0x1B
        $evil = (Invoke-TestApi -Method POST -Path sources -Body @{ component_code = 'module.exports = { async run() {} };'; name = "evil$esc[2Jname" }).data
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        $text = Get-HostText { Get-PdSource -Id $evil.id | Remove-PdSource -WhatIf }
        $text | Should -Match ([regex]::Escape("$($evil.id) (evil\u001b[2Jname)"))
        $text.Contains($esc) | Should -BeFalse
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'the -Confirm prompt names the source too, and No deletes nothing' {
        $setting = Get-EmulatorSetting
        $script = "Import-Module '$($setting.Module)'; Get-PdSource -Id '$($script:Seed1.Id)' | Remove-PdSource"
        # Interactive, as a user's console is, with the answer typed on standard input.
        $psi = New-PwshStartInfo -AsGiven -RedirectOutput -ArgumentList '-NoProfile', '-EncodedCommand',
            ([Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script)))
        $psi.RedirectStandardInput = $true
        $psi.Environment['PIPEDREAM_API_KEY'] = $setting.ApiKey
        $psi.Environment['PIPEDREAM_BASE_URL'] = $setting.BaseUri
        $null = $psi.Environment.Remove('PIPEDREAM_ORG_ID')
        $process = [System.Diagnostics.Process]::Start($psi)
        try {
            $process.StandardInput.WriteLine('N')
            $process.StandardInput.Close()
            $stderr = $process.StandardError.ReadToEndAsync()
            $stdout = $process.StandardOutput.ReadToEnd()
            if (-not $process.WaitForExit(60000)) { throw 'The child pwsh did not end within 60 s.' }
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.Dispose()
        }
        # The console wraps the prompt at its width.
        ("$stdout$($stderr.Result)" -replace '\s+', ' ') | Should -Match ([regex]::Escape("Performing the operation ""Delete source and its events"" on target ""$($script:Seed1.Id) ($($script:Seed1.Name))""."))
        Get-WriteRequest | Should -BeNullOrEmpty
        @(Get-PdSource -Id $script:Seed1.Id).Count | Should -Be 1
    }
}
