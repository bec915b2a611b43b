# A Pester 5 test of ../Backup-PdAccount.ps1 against the emulator, written as a user would write
# one for their own script (see Get-Help about_PSPipedream_Testing). In a clone it runs the
# emulator built from the repository; elsewhere, pd-emulator from PATH.

BeforeAll {
    Import-Module ($env:PSPD_TEST_MODULE ?? 'PSPipedream')
    $script:Script = Join-Path $PSScriptRoot '../Backup-PdAccount.ps1'
    $built = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $where = if (Test-Path $built) { @{ Path = $built } } else { @{} }
    Start-PdEmulator @where -Connect | Out-Null

    # Backups as an earlier run would have left them, one day apart.
    function New-OldBackup([int] $Count) {
        foreach ($day in 1..$Count) {
            $name = 'pipedream-2020-01-{0:00}T0300Z.json' -f $day
            Set-Content -LiteralPath (Join-Path $script:Folder $name) -Value '{}'
        }
    }

    function Get-Backup { @(Get-ChildItem -LiteralPath $script:Folder -File | ForEach-Object Name | Sort-Object) }
}

AfterAll {
    # Puts back the connection -Connect replaced, or leaves none.
    Stop-PdEmulator
}

Describe 'Backup-PdAccount.ps1' {
    BeforeEach {
        Reset-PdEmulator
        Add-PdEmulatorSource -Count 2 -NamePrefix 'backup-' | Out-Null
        $script:Folder = Join-Path $TestDrive ('backups-' + [guid]::NewGuid().ToString('N'))
    }

    It 'creates the folder and writes a dated export that Compare-PdConfiguration finds in step' {
        $written = & $script:Script -Path $script:Folder
        $written.Name | Should -Match '^pipedream-\d{4}-\d\d-\d\dT\d{4}Z\.json$'
        Get-Backup | Should -Be @($written.Name)
        (Get-Content -Raw $written.FullName | ConvertFrom-Json).sources.name | Should -Be @('backup-1', 'backup-2')
        @(Compare-PdConfiguration -Path $written.FullName) | Should -HaveCount 0
    }

    It 'keeps the newest -Keep backups and deletes only older files of its own name pattern' {
        $null = New-Item -ItemType Directory -Path $script:Folder
        New-OldBackup 5
        $others = 'notes.txt', 'pipedream-2019-01-01T0300Z.json.bak', 'pipedream-latest.json', 'Pipedream-2019-01-01T0300Z.json'
        foreach ($other in $others) { Set-Content -LiteralPath (Join-Path $script:Folder $other) -Value 'mine' }

        $written = & $script:Script -Path $script:Folder -Keep 3

        $kept = @(Get-Backup | Where-Object { $_ -cmatch '^pipedream-\d' -and $_ -like '*.json' })
        $kept | Should -Be @('pipedream-2020-01-04T0300Z.json', 'pipedream-2020-01-05T0300Z.json', $written.Name)
        foreach ($other in $others) { Test-Path -LiteralPath (Join-Path $script:Folder $other) | Should -BeTrue }
    }

    It 'with -WhatIf writes and deletes nothing, but says what it would delete' {
        $null = New-Item -ItemType Directory -Path $script:Folder
        New-OldBackup 3
        $before = Get-Backup

        # -WhatIf writes to the host, which a transcript records.
        $transcript = Join-Path $TestDrive ('whatif-' + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -LiteralPath $transcript
        try { $written = & $script:Script -Path $script:Folder -Keep 2 -WhatIf }
        finally { $null = Stop-Transcript }
        $said = Get-Content -Raw $transcript

        $written | Should -BeNullOrEmpty

        Get-Backup | Should -Be $before
        $said | Should -Match ([regex]::Escape('pipedream-2020-01-01T0300Z.json'))
        $said | Should -Match ([regex]::Escape('pipedream-2020-01-02T0300Z.json'))
        $said | Should -Not -Match ([regex]::Escape('pipedream-2020-01-03T0300Z.json'))
    }

    It 'fails, and writes or deletes nothing, when the API keeps failing' {
        $null = New-Item -ItemType Directory -Path $script:Folder
        New-OldBackup 3
        Add-PdEmulatorFault -Method GET -Path '/v1/users/me/sources*' -Status 503 -Count 20 | Out-Null
        $connection = Get-PdContext
        $connection.MaxRetries = 0
        try {
            { & $script:Script -Path $script:Folder -Keep 1 -ErrorAction Stop } | Should -Throw -ErrorId 'PdServerError*'
        }
        finally { $connection.MaxRetries = 3 }
        Get-Backup | Should -HaveCount 3
    }
}
