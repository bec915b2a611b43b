# The example scripts in examples/ and `build.ps1 -Task Demo`, as a user meets them: the demo end to
# end in a child process (with -NoBuild, since the test task has just built), and each script's help,
# -WhatIf and results against the emulator of this run.

BeforeDiscovery {
    $script:ExampleCases = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../../examples') -Filter '*.ps1' -File |
        Sort-Object Name | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Examples = Join-Path $script:RepoRoot 'examples'

    # The API requests logged since the last Clear-EmulatorRequest that change something.
    function Get-ChangingRequest { @(Get-EmulatorRequest | Where-Object { $_.Method -notin 'GET', 'HEAD' }) }

    function Get-Example([string] $Name) { Join-Path $script:Examples $Name }
}

Describe 'build.ps1 -Task Demo' -Tag 'Demo' {
    BeforeAll {
        $psi = New-PwshStartInfo -ArgumentList @('-File', (Join-Path $script:RepoRoot 'build.ps1'), '-Task', 'Demo', '-NoBuild') -RedirectOutput
        $psi.WorkingDirectory = $script:RepoRoot
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) {
            $process.Kill($true)
            throw "The demo did not end within 120 s. Output so far:`n$($stdout.Result)"
        }
        $process.WaitForExit()
        $script:DemoExitCode = $process.ExitCode
        $script:DemoOutput = $stdout.Result + $stderr.Result
        $script:DemoLines = $script:DemoOutput -split "`r?`n"
    }

    It 'exits with 0 and says every example ran' {
        $script:DemoExitCode | Should -Be 0 -Because $script:DemoOutput
        $script:DemoOutput | Should -Match 'Demo finished: all six examples ran\.'
        $script:DemoOutput | Should -Not -Match 'FAILED'
    }

    It 'shows a heading for <Name>' -ForEach $ExampleCases {
        $pattern = '^== \d/6 ' + [regex]::Escape($Name) + ': '
        @($script:DemoLines -match $pattern).Count | Should -Be 1 -Because $script:DemoOutput
    }

    It 'runs the changing examples with -WhatIf first and shows a webhook delivery' {
        @($script:DemoLines -match '^What if: ').Count | Should -BeGreaterThan 0
        $script:DemoOutput | Should -Match 'POST\s+/pipedream/errors\s+p_order_sync'
        $script:DemoOutput | Should -Match '\d+-0\s+True\s+\{'  # the truncated event over 1 KB
    }

    It 'backs up, shows the drift of a disabled source, and ends with the account equal to the backup' {
        $script:DemoOutput | Should -Match 'Backed up to pipedream-\d{4}-\d\d-\d\dT\d{4}Z\.json'
        $script:DemoOutput | Should -Match 'Update\s+Source\s+\S+\s+dc_'
        $script:DemoOutput | Should -Match 'active\s+False\s+True'
        $script:DemoOutput | Should -Match 'Differences from the backup now: 0; Test-PdConfiguration: True\.'
    }
}

Describe 'Help for <Name>' -Tag 'Demo' -ForEach $ExampleCases {
    BeforeAll {
        $script:Help = Get-Help $Path -Full
        $text = Get-Content -Raw $Path
        $script:Synopsis = if ($text -match '(?s)\.SYNOPSIS\s*\r?\n\s*(.+?)\r?\n\s*\r?\n') { $Matches[1].Trim() } else { $null }
    }

    It 'shows the synopsis of its comment-based help' {
        $script:Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Synopsis | Should -Be $script:Synopsis
    }

    It 'describes every parameter and has an example' {
        $script:Help.description | Should -Not -BeNullOrEmpty
        foreach ($parameter in @($script:Help.parameters.parameter | Where-Object { $_.name -notin 'WhatIf', 'Confirm' })) {
            ($parameter.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
        @($script:Help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'says what it needs: a connection from Connect-PdAccount or $env:PIPEDREAM_API_KEY' {
        $description = ($script:Help.description | ForEach-Object Text) -join "`n"
        $description | Should -Match 'Connect-PdAccount'
        $description | Should -Match ([regex]::Escape('$env:PIPEDREAM_API_KEY'))
    }
}

Describe 'The example scripts against the emulator' -Tag 'Demo' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $null = New-EmulatorSource -Count 3 -NamePrefix 'http-' -CreatedAt ([DateTime]::UtcNow.AddDays(-60))
        $script:Rss = (Invoke-TestApi -Method POST -Path 'sources' -Body @{ component_key = 'rss-new-item-in-feed'; name = 'rss-blog'; configured_props = @{ url = 'https://blog.example.com/feed.xml' } }).data
        $script:WorkflowId = New-EmulatorWorkflow
        $null = Send-EmulatorEvent -EmitterId $script:Rss.id -Event @{ title = 'Release 4.2' } -Count 3
        Clear-EmulatorRequest
    }

    It 'Export-PdSourceInventory.ps1 -WhatIf reads but writes no file; without it, the CSV has flat columns' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) ('pspd-inventory-' + [guid]::NewGuid().ToString('N') + '.csv')
        try {
            & (Get-Example 'Export-PdSourceInventory.ps1') -Path $csv -WhatIf
            Test-Path $csv | Should -BeFalse
            @(Get-EmulatorRequest).Count | Should -BeGreaterThan 0
            Get-ChangingRequest | Should -BeNullOrEmpty

            & (Get-Example 'Export-PdSourceInventory.ps1') -Path $csv
            Get-Content -Raw $csv | Should -Not -Match '@\{'
            $rows = @(Import-Csv $csv)
            $rows.Count | Should -Be 4
            $rss = $rows | Where-Object Name -eq 'rss-blog'
            $rss.ComponentKey | Should -Be 'rss-new-item-in-feed'
            $rss.RecentEvents | Should -Be '3'
            $rss.LastEventAt | Should -Match '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$'
            ($rss.ConfiguredProps | ConvertFrom-Json).url | Should -Be 'https://blog.example.com/feed.xml'
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }
    }

    It 'Disable-PdIdleSource.ps1 -WhatIf sends no change; without it, it disables the old sources with no events' {
        $idle = @(& (Get-Example 'Disable-PdIdleSource.ps1') -Days 30 -WhatIf)
        Get-ChangingRequest | Should -BeNullOrEmpty
        $idle.Name | Sort-Object | Should -Be @('http-1', 'http-2', 'http-3')
        $idle.Disabled | Should -Not -Contain $true

        $done = @(& (Get-Example 'Disable-PdIdleSource.ps1') -Days 30 -Exclude 'http-3')
        $done.Name | Sort-Object | Should -Be @('http-1', 'http-2')
        $done.Disabled | Should -Not -Contain $false
        @(Get-ChangingRequest | ForEach-Object method) | Should -Be @('PUT', 'PUT')
        (Get-TestSource | Where-Object { $_.active } | ForEach-Object name) | Sort-Object | Should -Be @('http-3', 'rss-blog')
    }

    It 'Connect-PdRssToWorkflow.ps1 -WhatIf sends no change; without it, it subscribes once' {
        $planned = @(& (Get-Example 'Connect-PdRssToWorkflow.ps1') -WorkflowId $script:WorkflowId -WhatIf)
        Get-ChangingRequest | Should -BeNullOrEmpty
        $planned.SourceId | Should -Be @($script:Rss.id)
        $planned.Status | Should -Be 'Skipped'

        (& (Get-Example 'Connect-PdRssToWorkflow.ps1') -WorkflowId $script:WorkflowId).Status | Should -Be 'Subscribed'
        (& (Get-Example 'Connect-PdRssToWorkflow.ps1') -WorkflowId $script:WorkflowId).Status | Should -Be 'AlreadySubscribed'
        @(Get-ChangingRequest).Count | Should -Be 1
        $subscriptions = @(Get-TestSubscription)
        $subscriptions.Count | Should -Be 1
        $subscriptions[0].emitter_id | Should -Be $script:Rss.id
        $subscriptions[0].listener_id | Should -Be $script:WorkflowId
    }

    It 'Remove-PdOldEvent.ps1 -WhatIf sends no change; with -Force, it deletes only the events before -Before' {
        Start-Sleep -Milliseconds 20
        $cutoff = Get-Date
        Start-Sleep -Milliseconds 20
        $kept = @(Send-EmulatorEvent -EmitterId $script:Rss.id -Event @{ title = 'Release 4.3' })
        Clear-EmulatorRequest

        $planned = @(& (Get-Example 'Remove-PdOldEvent.ps1') -Before $cutoff -WhatIf)
        Get-ChangingRequest | Should -BeNullOrEmpty
        $planned.Events | Should -Be 3
        (Get-TestEventId $script:Rss.id).Count | Should -Be 4

        $null = & (Get-Example 'Remove-PdOldEvent.ps1') -Before $cutoff -Name 'rss-*' -Force
        $delete = @(Get-ChangingRequest)
        $delete.Count | Should -Be 1
        $delete[0].Method | Should -Be 'DELETE'
        (ConvertFrom-TestQuery $delete[0].Query).ContainsKey('start_id') | Should -BeFalse
        Get-TestEventId $script:Rss.id | Should -Be $kept
    }

    It 'Watch-PdWorkflowError.ps1 lists the errors of several workflows, newest first, and only reads' {
        $other = New-EmulatorWorkflow
        foreach ($emit in @(@{ Id = $script:WorkflowId; Code = 'ETIMEDOUT' }, @{ Id = $other; Code = 'TypeError' })) {
            $errorEvent = @{ original_event = @{ n = 1 }; original_context = @{ workflow_id = $emit.Id }; error = @{ code = $emit.Code; cellId = 'c_1'; message = "failed with $($emit.Code)"; stack = "Error`n    at run" } }
            $null = Send-EmulatorEvent -EmitterId $emit.Id -Name '$errors' -Event $errorEvent
            Start-Sleep -Milliseconds 5
        }
        Clear-EmulatorRequest

        $rows = @($script:WorkflowId, $other | & (Get-Example 'Watch-PdWorkflowError.ps1'))
        $rows.WorkflowId | Should -Be @($other, $script:WorkflowId)
        $rows.Code | Should -Be @('TypeError', 'ETIMEDOUT')
        $rows[0].Message | Should -Be 'failed with TypeError'
        Get-ChangingRequest | Should -BeNullOrEmpty
    }
}
