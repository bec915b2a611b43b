# Default views: what a user sees in an 80-column console without Select-Object or Format-*.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    # The non-empty lines of an object's default formatting at a console width.
    function Get-Screen([object[]] $InputObject, [int] $Width = 80) {
        @(($InputObject | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
    }

    $longName = 'rss-news-feed-for-the-engineering-team-weekly-digest-' + ('x' * 40)
    $script:Source = New-PdSource -ComponentKey rss-new-item-in-feed -Name $longName `
        -Props @{ url = 'https://rss.m.pipedream.net'; timer = @{ intervalSeconds = 60 } }
    $script:Webhook = New-PdWebhook -Url ('https://example.com/hooks/' + ('deliveries/' * 8)) -Name 'a webhook with a long name'
    $null = Send-EmulatorEvent -EmitterId $Source.Id -Event @{ title = 'Hello'; link = 'https://example.com/a' }
}

Describe 'Default table views keep every column on an 80-column screen' {
    It '<Name>: <Columns>' -TestCases @(
        @{ Name = 'Get-PdSource'; Command = { Get-PdSource }; Columns = @('Id', 'Active', 'ComponentId', 'UpdatedAt', 'Name') }
        @{ Name = 'Get-PdWebhook'; Command = { Get-PdWebhook }; Columns = @('Id', 'Active', 'CreatedAt', 'Name', 'Url') }
        @{ Name = 'Get-PdEvent'; Command = { Get-PdEvent -SourceId $Source.Id }; Columns = @('Id', 'IndexedAt', 'EmitterId', 'Name', 'Event') }
        @{ Name = 'Get-PdUser'; Command = { Get-PdUser }; Columns = @('Id', 'Username', 'Email', 'Orgs') }
        @{ Name = 'Get-PdComponent'; Command = { Get-PdComponent -Key $Source.ComponentId }; Columns = @('Id', 'Key', 'Name', 'Version', 'Props', 'UpdatedAt') }
    ) {
        $screen = Get-Screen (& $Command)
        $headers = -split $screen[0]
        $headers | Should -Be $Columns
        $screen | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'a source''s full dates show, and a long name is cut, not the columns before it' {
        $row = (Get-Screen (Get-PdSource))[2]
        $row | Should -Match ([regex]::Escape($Source.UpdatedAt.ToString()))
        $row | Should -Match '^dc_\S+\s+True\s+sc_\S+\s'
    }
}

Describe 'Format-List of an event' {
    It 'leads with the id and ends with the payload' {
        $lines = Get-Screen (Get-PdEvent -SourceId $Source.Id | Format-List)
        $lines[0] | Should -Match '^Id\s+: \d+-\d+$'
        $lines[-1] | Should -Match '^Event\s+: .*title=Hello'
    }
}
