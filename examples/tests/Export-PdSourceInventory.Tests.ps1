# A Pester 5 test of ../Export-PdSourceInventory.ps1 against the emulator, written as a user
# would write one for their own script (see Get-Help about_PSPipedream_Testing). In a clone it
# runs the emulator built from the repository; elsewhere, pd-emulator from PATH.

BeforeAll {
    Import-Module ($env:PSPD_TEST_MODULE ?? 'PSPipedream')
    $script:Script = Join-Path $PSScriptRoot '../Export-PdSourceInventory.ps1'
    $built = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $where = if (Test-Path $built) { @{ Path = $built } } else { @{} }
    Start-PdEmulator @where -Connect | Out-Null
}

AfterAll {
    # Puts back the connection -Connect replaced, or leaves none.
    Stop-PdEmulator
}

Describe 'Export-PdSourceInventory.ps1' {
    BeforeEach {
        Reset-PdEmulator
        $script:Csv = Join-Path $TestDrive ("sources-" + [guid]::NewGuid().ToString('N') + '.csv')
    }

    It 'writes one row per source, with its number of recent events' {
        Add-PdEmulatorSource -Count 3 -NamePrefix 'inv-' | Out-Null
        $first = Get-PdSource -All | Select-Object -First 1
        Send-PdEmulatorEvent -EmitterId $first.Id -Event @{ n = 1 } -Count 4 | Out-Null
        & $script:Script -Path $script:Csv
        $rows = @(Import-Csv $script:Csv)
        $rows | Should -HaveCount 3
        ($rows | Where-Object Id -eq $first.Id).RecentEvents | Should -Be '4'
        @($rows | Where-Object RecentEvents -eq '0') | Should -HaveCount 2
    }

    It 'reads the sources page by page' {
        Add-PdEmulatorSource -Count 150 | Out-Null
        & $script:Script -Path $script:Csv -SkipEventCount
        @(Import-Csv $script:Csv) | Should -HaveCount 150
        Get-PdEmulatorRequest -Method GET -Path '/v1/users/me/sources' | Should -HaveCount 2
    }

    It 'fails, and writes no file, when the API keeps failing' {
        Add-PdEmulatorSource -Count 1 | Out-Null
        Add-PdEmulatorFault -Method GET -Path '/v1/users/me/sources*' -Status 503 -Count 20 | Out-Null
        $connection = Get-PdContext
        $connection.MaxRetries = 0
        try {
            { & $script:Script -Path $script:Csv -SkipEventCount -ErrorAction Stop } | Should -Throw -ErrorId 'PdServerError*'
        }
        finally { $connection.MaxRetries = 3 }
        Test-Path $script:Csv | Should -BeFalse
    }
}
