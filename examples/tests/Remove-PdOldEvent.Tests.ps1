# A Pester 5 test of ../Remove-PdOldEvent.ps1 against the emulator, written as a user would write
# one for their own script (see Get-Help about_PSPipedream_Testing). Its events are backdated with
# Send-PdEmulatorEvent -Timestamp, so "older than N days" is tested with days, not milliseconds.
# In a clone it runs the emulator built from the repository; elsewhere, pd-emulator from PATH.

BeforeAll {
    Import-Module ($env:PSPD_TEST_MODULE ?? 'PSPipedream')
    $script:Script = Join-Path $PSScriptRoot '../Remove-PdOldEvent.ps1'
    $built = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $where = if (Test-Path $built) { @{ Path = $built } } else { @{} }
    Start-PdEmulator @where -Connect | Out-Null

    # A source with events of the given ages in days (oldest first); returns its id.
    function New-SourceWithEvents([string] $Name, [double[]] $DaysAgo) {
        $id = (Add-PdEmulatorSource -Count 1 -NamePrefix $Name -CreatedAt (Get-Date).AddDays(-400)).FirstId
        foreach ($days in $DaysAgo) {
            $null = Send-PdEmulatorEvent $id -Event @{ age = $days } -Timestamp (Get-Date).AddDays(-$days)
        }
        $id
    }
}

AfterAll {
    # Puts back the connection -Connect replaced, or leaves none.
    Stop-PdEmulator
}

Describe 'Remove-PdOldEvent.ps1' {
    BeforeEach { Reset-PdEmulator }

    It 'deletes the events older than 30 days from every source and keeps the newer ones' {
        $a = New-SourceWithEvents 'a-' 90, 45, 31, 29, 1
        $b = New-SourceWithEvents 'b-' 60
        $c = New-SourceWithEvents 'c-' 10, 2

        $result = @(& $script:Script -Before (Get-Date).AddDays(-30) -Force)
        $result.SourceId | Sort-Object | Should -Be (@($a, $b) | Sort-Object)
        ($result | Where-Object SourceId -eq $a).Events | Should -Be 3
        (Get-PdEvent -SourceId $a).Event.age | Should -Be @(1, 29)
        @(Get-PdEvent -SourceId $b) | Should -HaveCount 0
        (Get-PdEvent -SourceId $c).Event.age | Should -Be @(2, 10)
        @(Get-PdEmulatorRequest -Method DELETE) | Should -HaveCount 2
    }

    It 'deletes with one range request ending at the newest old event' {
        $a = New-SourceWithEvents 'a-' 50, 40, 35, 5
        $old = @(Get-PdEvent -SourceId $a | Where-Object { $_.IndexedAt -lt (Get-Date).AddDays(-30).ToUniversalTime() })
        $result = & $script:Script -Before (Get-Date).AddDays(-30) -Force
        $result.NewestId | Should -Be $old[0].Id
        $result.OldestId | Should -Be $old[-1].Id
        $delete = @(Get-PdEmulatorRequest -Method DELETE)
        $delete | Should -HaveCount 1
        $delete[0].Query | Should -Match ('end_id=' + [regex]::Escape($old[0].Id))
        $delete[0].Query | Should -Not -Match 'start_id'
    }

    It 'takes a local -Before as local time' {
        $a = New-SourceWithEvents 'a-' 3
        $event = Get-PdEvent -SourceId $a -First 1
        $justAfter = [datetime]::SpecifyKind($event.IndexedAt.AddMinutes(1).ToLocalTime(), 'Unspecified')
        $justBefore = [datetime]::SpecifyKind($event.IndexedAt.AddMinutes(-1).ToLocalTime(), 'Unspecified')
        @(& $script:Script -Before $justBefore -Force) | Should -HaveCount 0
        (& $script:Script -Before $justAfter -Force).Events | Should -Be 1
    }

    It 'with -WhatIf lists what it would delete and deletes nothing' {
        $a = New-SourceWithEvents 'a-' 100, 70, 1
        $planned = @(& $script:Script -Before (Get-Date).AddDays(-60) -WhatIf)
        $planned.Events | Should -Be 2
        Get-PdEmulatorRequest -Method DELETE | Should -BeNullOrEmpty
        @(Get-PdEvent -SourceId $a) | Should -HaveCount 3
    }

    It 'only touches the named sources' {
        $a = New-SourceWithEvents 'keep-' 90
        $b = New-SourceWithEvents 'clean-' 90
        $null = & $script:Script -Before (Get-Date).AddDays(-30) -Name 'clean-*' -Force
        @(Get-PdEvent -SourceId $a) | Should -HaveCount 1
        @(Get-PdEvent -SourceId $b) | Should -HaveCount 0
    }
}
