# Names from the service are matched and shown as they are: -Name compares character by
# character (case aside), so a look-alike with an invisible character is another name; views,
# What-if text and errors write control and invisible characters as \uXXXX, so a name cannot
# send escape sequences to the console or pass for another. The objects keep the real names.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emu = @{ Emulator = $env:PSPD_TEST_ROOT }

    function New-NamedSource([string] $Name) {
        (Invoke-TestApi -Method POST -Path 'sources' -Body @{ component_id = 'sc_httpReq'; name = $Name }).data
    }

    function New-NamedWebhook([string] $Name) {
        (Invoke-TestApi -Method POST -Path ('webhooks?url=https%3A%2F%2Fexample.com%2Fhook&name=' + [uri]::EscapeDataString($Name))).data
    }

    # What the host shows for a command's What-if lines (a transcript records them).
    function Get-WhatIfText([scriptblock] $ScriptBlock) {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ('pspd-names-' + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try { & $ScriptBlock }
        finally { $null = Stop-Transcript }
        $text = Get-Content -Raw $transcript
        Remove-Item $transcript
        $text
    }

    $script:Zwsp = [string][char]0x200B
    $script:Esc = [string][char]0x1B
    $script:Rlo = [string][char]0x202E
}

Describe '-Name matches character by character' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:Real = New-NamedSource 'prod-db'
        $script:LookAlike = New-NamedSource "prod$($script:Zwsp)-db"
        $script:Kelvin = New-NamedSource "$([char]0x212A)afka"
        $script:Kafka = New-NamedSource 'kafka'
    }

    It 'Get-PdSource -Name prod-db | Remove-PdSource deletes prod-db, not a look-alike with a zero-width space' {
        @(Get-PdSource -Name prod-db).Id | Should -Be @($script:Real.id)
        Get-PdSource -Name prod-db | Remove-PdSource -Force
        @(Get-TestSource).id | Should -Contain $script:LookAlike.id
        @(Get-TestSource).id | Should -Not -Contain $script:Real.id
    }

    It 'ignores case but not look-alike letters: KAFKA finds kafka, not the Kelvin sign''s K' {
        @(Get-PdSource -Name KAFKA).Id | Should -Be @($script:Kafka.id)
        @(Get-PdSource -Name '[j-l]afka').Id | Should -Be @($script:Kafka.id)
    }

    It 'takes * ? [a-z] and ` escapes, and names a missing exact name as given' {
        $null = New-NamedSource 'a*b'
        @(Get-PdSource -Name 'PROD*' | ForEach-Object Name) | Should -Be @('prod-db', "prod$($script:Zwsp)-db")
        @(Get-PdSource -Name 'pro?-db').Name | Should -Be @('prod-db')
        @(Get-PdSource -Name 'a`*b').Name | Should -Be @('a*b')
        $null = Get-PdSource -Name 'no`*such' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].Exception.Message | Should -Be "A source named 'no*such' was not found."
    }

    It 'refuses a pattern whose [ is never closed, before any request' {
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        { Get-PdSource -Name 'prod[' } | Should -Throw -ErrorId 'PdInvalidArgument*'
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
    }

    It 'Get-PdWebhook -Name does not take a look-alike either' {
        $hook = New-NamedWebhook 'alerts'
        $null = New-NamedWebhook "alert$($script:Zwsp)s"
        @(Get-PdWebhook -Name alerts).Id | Should -Be @($hook.id)
    }
}

Describe 'Names with control and invisible characters are shown escaped' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:EvilName = "evil$($script:Esc)[31mred$($script:Rlo)cba"
        $script:Evil = New-NamedSource $script:EvilName
        $null = New-NamedWebhook $script:EvilName
    }

    It 'keeps the real name in the object and writes \uXXXX in the table view of sources and webhooks' {
        $saved = $PSStyle.OutputRendering
        # As in a terminal, where escape sequences would reach the console.
        $PSStyle.OutputRendering = 'Ansi'
        try {
            $sources = Get-PdSource
            $webhooks = Get-PdWebhook
            $sourceTable = $sources | Format-Table | Out-String -Width 200
            $webhookTable = $webhooks | Format-Table | Out-String -Width 200
        }
        finally { $PSStyle.OutputRendering = $saved }
        $sources[0].Name | Should -BeExactly $script:EvilName
        $webhooks[0].Name | Should -BeExactly $script:EvilName
        foreach ($table in $sourceTable, $webhookTable) {
            # Header lines carry PowerShell's own colours; the rows must carry nothing of the name's.
            $row = @($table -split "`n" | Where-Object { $_ -like '*evil*' })
            $row.Count | Should -Be 1
            # (The webhook view's Name column is 20 wide, so its end may be cut.)
            $row[0] | Should -Match ([regex]::Escape('evil\u001b[31mred'))
            $row[0].Contains($script:Esc) | Should -BeFalse
            $row[0].Contains($script:Rlo) | Should -BeFalse
        }
    }

    It 'escapes names in What-if text' {
        $text = Get-WhatIfText { New-PdSource -ComponentId sc_x -Name "n$($script:Esc)[2J$($script:Zwsp)x" -WhatIf }
        $text | Should -Match ([regex]::Escape("source 'n\u001b[2J\u200bx' from sc_x"))
        $text.Contains($script:Esc) | Should -BeFalse
    }
}
