# Write-Progress on walks over several pages, read from a hosted runspace's progress stream.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = New-EmulatorSource -Count 250
    $script:Connection = Connect-TestAccount

    # Runs a command in a fresh runspace (with the given $ProgressPreference) and returns its progress records.
    function Get-ProgressRecord([string] $Command, [string] $Preference = 'Continue') {
        $ps = [powershell]::Create()
        try {
            $script = "param(`$c) Import-Module '$($env:PSPD_TEST_MODULE)'; `$ProgressPreference = '$Preference'; $Command | Out-Null"
            $null = $ps.AddScript($script).AddArgument($script:Connection)
            $null = $ps.Invoke()
            $ps.Streams.Error | ForEach-Object { throw $_ }
            @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Progress of a walk over several pages' {
    It 'Get-PdSource -All shows "read of total" with a percentage from the second page on, then completes' {
        $records = Get-ProgressRecord 'Get-PdSource -All -Connection $c'
        $records.Count | Should -Be 3
        @($records.Activity | Select-Object -Unique) | Should -Be 'Get-PdSource'
        $records[0].StatusDescription | Should -Be '100 of 250'
        $records[0].PercentComplete | Should -Be 40
        $records[1].StatusDescription | Should -Be '200 of 250'
        $records[1].PercentComplete | Should -Be 80
        $records[2].RecordType | Should -Be 'Completed'
        @($records.ActivityId | Select-Object -Unique).Count | Should -Be 1
    }

    It 'Invoke-PdApi -All shows progress too' {
        $records = Get-ProgressRecord "Invoke-PdApi users/me/sources -All -Query @{ limit = 100 } -Connection `$c"
        $records[0].Activity | Should -Be 'Invoke-PdApi'
        $records[0].StatusDescription | Should -Be '100 of 250'
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows nothing for a list of one page' {
        @(Get-ProgressRecord 'Get-PdSource -Connection $c -WarningAction SilentlyContinue').Count | Should -Be 0
        @(Get-ProgressRecord 'Get-PdSource -First 100 -Connection $c').Count | Should -Be 0
    }

    It 'shows nothing under $ProgressPreference = SilentlyContinue' {
        @(Get-ProgressRecord 'Get-PdSource -All -Connection $c' -Preference SilentlyContinue).Count | Should -Be 0
    }

    It 'is completed when the walk stops early downstream' {
        $records = Get-ProgressRecord 'Get-PdSource -All -Connection $c | Select-Object -First 150'
        $records[0].StatusDescription | Should -Be '100 of 250'
        $records[-1].RecordType | Should -Be 'Completed'
    }
}
