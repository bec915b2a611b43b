# A Pester 5 test of ../Disable-PdIdleSource.ps1 against the emulator, written as a user would
# write one for their own script (see Get-Help about_PSPipedream_Testing). In a clone it runs
# the emulator built from the repository; elsewhere, pd-emulator from PATH.

BeforeAll {
    Import-Module ($env:PSPD_TEST_MODULE ?? 'PSPipedream')
    $script:Script = Join-Path $PSScriptRoot '../Disable-PdIdleSource.ps1'
    $built = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $where = if (Test-Path $built) { @{ Path = $built } } else { @{} }
    Start-PdEmulator @where -Connect | Out-Null
}

AfterAll {
    # Puts back the connection -Connect replaced, or leaves none.
    Stop-PdEmulator
}

Describe 'Disable-PdIdleSource.ps1' {
    BeforeEach { Reset-PdEmulator }

    It 'disables every active source that has no events and was created before the period' {
        Add-PdEmulatorSource -Count 3 -NamePrefix 'idle-' -CreatedAt (Get-Date).AddDays(-31) | Out-Null
        $result = @(& $script:Script -Days 30)
        $result | Should -HaveCount 3
        $result.Disabled | Should -Not -Contain $false
        Get-PdEmulatorRequest -Method PUT -Path '/v1/sources/*' | Should -HaveCount 3
        @(Get-PdSource -All | Where-Object Active) | Should -HaveCount 0
    }

    It 'leaves a source with a recent event, and the excluded ones, alone' {
        Add-PdEmulatorSource -Count 1 -NamePrefix 'busy-' | Out-Null
        Get-PdSource -All | Send-PdEmulatorEvent -Event @{ title = 'fresh' } | Out-Null
        Add-PdEmulatorSource -Count 2 -NamePrefix 'prod-' | Out-Null
        $result = @(& $script:Script -Days 30 -Exclude 'prod-*')
        $result | Should -HaveCount 0
        Get-PdEmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }

    It 'disables a source whose newest event is older than -Days, and says how old it is' {
        $old = (Add-PdEmulatorSource -Count 1 -NamePrefix 'stale-' -CreatedAt (Get-Date).AddDays(-120)).FirstId
        $lastEvent = [datetime]::UtcNow.AddDays(-40)
        $null = Send-PdEmulatorEvent $old -Event @{ n = 1 } -Timestamp $lastEvent.AddDays(-10)
        $null = Send-PdEmulatorEvent $old -Event @{ n = 2 } -Timestamp $lastEvent
        $fresh = (Add-PdEmulatorSource -Count 1 -NamePrefix 'fresh-' -CreatedAt (Get-Date).AddDays(-120)).FirstId
        $null = Send-PdEmulatorEvent $fresh -Event @{ n = 1 } -Timestamp (Get-Date).AddDays(-100)
        $null = Send-PdEmulatorEvent $fresh -Event @{ n = 2 } -Timestamp (Get-Date).AddDays(-29)

        $result = @(& $script:Script -Days 30)
        $result | Should -HaveCount 1
        $result[0].Id | Should -Be $old
        $result[0].Name | Should -Be 'stale-1'
        $result[0].LastEventAt | Should -Be ([datetime]::new($lastEvent.Ticks - $lastEvent.Ticks % 10000, 'Utc'))
        $result[0].IdleDays | Should -Be 40
        $result[0].Disabled | Should -BeTrue
        (Get-PdSource -Id $fresh).Active | Should -BeTrue
    }

    It 'counts -Days exactly: an event of 40 days ago is idle for -Days 39, not for -Days 41' {
        $source = (Add-PdEmulatorSource -Count 1 -CreatedAt (Get-Date).AddDays(-365)).FirstId
        $null = Send-PdEmulatorEvent $source -Event @{ n = 1 } -Timestamp (Get-Date).AddDays(-40)
        @(& $script:Script -Days 41) | Should -HaveCount 0
        Get-PdEmulatorRequest -Method PUT | Should -BeNullOrEmpty
        @(& $script:Script -Days 39 -WhatIf).IdleDays | Should -Be 40
        Get-PdEmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }

    It 'gives a source created within the period its time, even with no events' {
        $new = (Add-PdEmulatorSource -Count 1 -NamePrefix 'new-' -CreatedAt (Get-Date).AddDays(-29)).FirstId
        $old = (Add-PdEmulatorSource -Count 1 -NamePrefix 'old-' -CreatedAt (Get-Date).AddDays(-45)).FirstId
        $result = @(& $script:Script -Days 30)
        $result.Id | Should -Be @($old)
        $result[0].LastEventAt | Should -BeNullOrEmpty
        $result[0].IdleDays | Should -Be 45
        (Get-PdSource -Id $new).Active | Should -BeTrue
    }

    It 'sends no change with -WhatIf' {
        Add-PdEmulatorSource -Count 2 -CreatedAt (Get-Date).AddDays(-60) | Out-Null
        @(& $script:Script -WhatIf) | Should -HaveCount 2
        Get-PdEmulatorRequest -Method PUT | Should -BeNullOrEmpty
    }

    It 'gets through a rate limit on the source list' {
        Add-PdEmulatorSource -Count 2 -CreatedAt (Get-Date).AddDays(-60) | Out-Null
        Add-PdEmulatorFault -Method GET -Path '/v1/users/me/sources*' -Status 429 -RetryAfter 1 | Out-Null
        @(& $script:Script) | Should -HaveCount 2
        (Get-PdEmulatorRequest -Path '/v1/users/me/sources').Status | Should -Be @(429, 200)
    }
}
