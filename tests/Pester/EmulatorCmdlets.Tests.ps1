# The emulator cmdlets: Start-PdEmulator / Stop-PdEmulator and the control API cmdlets, run
# against an emulator this file starts itself from the built dll.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Dll = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $script:WasConnected = [bool] (Get-PdContext)
    $script:Emu = Start-PdEmulator -Path $script:Dll -Connect
}

AfterAll {
    Stop-PdEmulator -Emulator $script:Emu
    Disconnect-PdAccount
    if ($script:WasConnected) {
        Connect-PdAccount -ApiKey $env:PSPD_TEST_APIKEY -BaseUri $env:PSPD_TEST_BASEURI
    }
}

Describe 'Start-PdEmulator' {
    It 'starts an emulator on loopback, connects to it and describes it' {
        $script:Emu | Should -BeOfType ([PSPipedream.PdEmulator])
        $script:Emu.BaseUri.AbsoluteUri | Should -Match '^http://127\.0\.0\.1:\d+/v1$'
        $script:Emu.RootUri.AbsoluteUri | Should -Be ($script:Emu.BaseUri.AbsoluteUri -replace 'v1$', '')
        $script:Emu.ApiKey | Should -BeOfType ([securestring])
        $script:Emu.ApiKeyHint | Should -Match '^\*\*\*\*.{4}$'
        $script:Emu.Users[0].Id | Should -Be 'u_emulator'
        (Get-Process -Id $script:Emu.ProcessId).Id | Should -Be $script:Emu.ProcessId
        (Get-PdContext).BaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $script:Emu.BaseUri.AbsoluteUri
        (Get-PdUser).Id | Should -Be 'u_emulator'
    }

    It 'takes the API key it is given' {
        $emu = Start-PdEmulator -Path $script:Dll -ApiKey 'given-key-0123456789abcdefghijkl'
        try {
            $emu.ApiKeyHint | Should -Be '****ijkl'
            [System.Net.NetworkCredential]::new('', $emu.ApiKey).Password | Should -Be 'given-key-0123456789abcdefghijkl'
        }
        finally { Stop-PdEmulator -Emulator $emu }
    }

    It 'fails with PdEmulatorNotFound and how to install it when pd-emulator is nowhere' {
        $savedPath = $env:PATH; $savedHome = $env:HOME; $savedProfile = $env:USERPROFILE
        $tempHome = Join-Path ([IO.Path]::GetTempPath()) ('pspd-home-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $tempHome
        try {
            $env:PATH = ''; $env:HOME = $tempHome; $env:USERPROFILE = $tempHome
            $err = $null
            try { Start-PdEmulator } catch { $err = $_ }
        }
        finally {
            $env:PATH = $savedPath; $env:HOME = $savedHome; $env:USERPROFILE = $savedProfile
            Remove-Item -Recurse -Force $tempHome
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorNotFound*'
        $err.Exception.Message | Should -Match 'dotnet tool install --global PSPipedream\.Emulator'
    }

    It 'fails with PdEmulatorPortInUse when the port is taken' {
        $port = $script:Emu.BaseUri.Port
        { Start-PdEmulator -Path $script:Dll -Port $port } | Should -Throw -ErrorId 'PdEmulatorPortInUse*'
    }

    It 'fails with the emulator''s error output when it exits on start' {
        $bad = Join-Path ([IO.Path]::GetTempPath()) ('pspd-users-' + [guid]::NewGuid().ToString('N') + '.json')
        Set-Content -Path $bad -Value '{ "users": 42 }'
        try {
            $err = $null
            try { Start-PdEmulator -Path $script:Dll -UsersFile $bad } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorStartFailed*'
            $err.Exception.Message | Should -Match 'error output'
        }
        finally { Remove-Item $bad }
    }

    It 'ends the emulator when the runspace that started it closes, without Stop-PdEmulator' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$($env:PSPD_TEST_MODULE)'; (Start-PdEmulator -Path '$($script:Dll)').ProcessId")
        $id = $ps.Invoke() | Select-Object -Last 1
        $id | Should -BeGreaterThan 0
        Get-Process -Id $id -ErrorAction Stop | Should -Not -BeNullOrEmpty
        $ps.Dispose()
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while ((Get-Process -Id $id -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Get-Process -Id $id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'ends the emulator when the PowerShell process that started it is killed' {
        $pwsh = @(Get-PwshCommand)
        $script = "Import-Module '$($env:PSPD_TEST_MODULE)'; (Start-PdEmulator -Path '$($script:Dll)').ProcessId; [Console]::Out.Flush(); Start-Sleep -Seconds 60"
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($arg in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)) { $psi.ArgumentList.Add($arg) }
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $parent = [Diagnostics.Process]::Start($psi)
        try {
            $line = $parent.StandardOutput.ReadLineAsync()
            $line.Wait(30000) | Should -BeTrue
            $id = [int] $line.Result
            Get-Process -Id $id -ErrorAction Stop | Should -Not -BeNullOrEmpty
            # Kill: no exit event runs, only the pipe to the emulator's standard input closes.
            $parent.Kill()
            $parent.WaitForExit(10000) | Should -BeTrue
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((Get-Process -Id $id -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-Process -Id $id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            if (-not $parent.HasExited) { $parent.Kill() }
            if ($id) { Stop-Process -Id $id -ErrorAction SilentlyContinue }
            $parent.Dispose()
        }
    }
}

Describe 'Stop-PdEmulator' {
    It 'stops the emulator last started, and a second stop is fine' {
        $emu = Start-PdEmulator -Path $script:Dll
        Stop-PdEmulator
        Get-Process -Id $emu.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $emu.Running | Should -BeFalse
        { Stop-PdEmulator -Emulator $emu } | Should -Not -Throw
    }
}

Describe 'The control cmdlets' {
    BeforeEach { Reset-PdEmulator -Emulator $script:Emu }

    It 'Add-PdEmulatorSource seeds sources and Reset-PdEmulator removes them' {
        $seed = Add-PdEmulatorSource -Emulator $script:Emu -Count 12 -NamePrefix 'emu-'
        $seed.Count | Should -Be 12
        $seed.FirstId | Should -Match '^dc_'
        $seed | Should -BeOfType ([PSPipedream.PdEmulatorSeed])
        $seed.PSObject.TypeNames[0] | Should -Be 'PSPipedream.PdEmulatorSeed'
        $seed.PSObject.Properties.Name | Should -Be 'Count', 'FirstId', 'LastId'
        (Get-PdSource -All | Where-Object Name -like 'emu-*').Count | Should -Be 12
        Reset-PdEmulator -Emulator $script:Emu
        @(Get-PdSource -All).Count | Should -Be 0
    }

    It 'Get-PdEmulatorRequest filters by method, path, since and last; Clear-PdEmulatorRequest empties it' {
        $null = Get-PdUser
        $null = Get-PdSource -All
        $all = @(Get-PdEmulatorRequest -Emulator $script:Emu)
        $all.Count | Should -Be 2
        $all[0].Method | Should -Be 'GET'
        $all[0].Path | Should -Be '/v1/users/me'
        $all[0].Status | Should -Be 200
        @(Get-PdEmulatorRequest -Emulator $script:Emu -Path '/v1/users/me/*').Path | Should -Be '/v1/users/me/sources'
        @(Get-PdEmulatorRequest -Emulator $script:Emu -Method POST).Count | Should -Be 0
        @(Get-PdEmulatorRequest -Emulator $script:Emu -Since $all[0].Seq).Seq | Should -Be $all[1].Seq
        @(Get-PdEmulatorRequest -Emulator $script:Emu -Last 1).Seq | Should -Be $all[1].Seq
        Clear-PdEmulatorRequest -Emulator $script:Emu
        @(Get-PdEmulatorRequest -Emulator $script:Emu).Count | Should -Be 0
    }

    It 'Add-PdEmulatorFault injects a 429 that the module retries, and Clear-PdEmulatorFault removes faults' {
        $fault = Add-PdEmulatorFault -Emulator $script:Emu -Method GET -Path '/v1/users/me' -Status 429 -RetryAfter 0 -Count 1
        $fault.Action | Should -Be 'status'
        $fault.Status | Should -Be 429
        (Get-PdUser).Id | Should -Be 'u_emulator'
        $log = @(Get-PdEmulatorRequest -Emulator $script:Emu)
        $log.Status | Should -Be @(429, 200)
        $null = Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/*' -Status 503 -Count 5
        Clear-PdEmulatorFault -Emulator $script:Emu
        (Get-PdUser).Id | Should -Be 'u_emulator'
    }

    It 'Add-PdEmulatorFault maps each switch to its action' {
        (Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -Abort).Action | Should -Be 'abort'
        (Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -Truncate).Action | Should -Be 'truncate'
        (Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -NonJson).Action | Should -Be 'non_json'
        (Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -NoData).Action | Should -Be 'no_data'
        (Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -RepeatCursor).Action | Should -Be 'repeat_cursor'
        $delay = Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/x' -Delay 10
        $delay.Action | Should -Be 'delay'
        $delay.DelayMs | Should -Be 10
    }

    It 'New-PdEmulatorWorkflow and Send-PdEmulatorEvent make events a workflow lists' {
        $wf = New-PdEmulatorWorkflow -Emulator $script:Emu -Id p_emucmd -OwnerId u_emulator
        $wf.Id | Should -Be 'p_emucmd'
        $wf.OwnerId | Should -Be 'u_emulator'
        $wf | Should -BeOfType ([PSPipedream.PdEmulatorWorkflow])
        $wf.PSObject.Properties.Name | Should -Be 'Id', 'OwnerId', 'CreatedAt'
        $wf.CreatedAt | Should -BeOfType ([datetime])
        $ids = @(Send-PdEmulatorEvent -Emulator $script:Emu -EmitterId p_emucmd -Event @{ n = 1 } -Count 2)
        $ids.Count | Should -Be 2
        @(Get-PdWorkflowEvent -WorkflowId p_emucmd -All).Count | Should -Be 2
    }

    It 'Send-PdEmulatorEvent binds EmitterId from piped sources' {
        $null = Add-PdEmulatorSource -Emulator $script:Emu -Count 2
        Get-PdSource -All | Send-PdEmulatorEvent -Emulator $script:Emu -Event @{ hello = 'world' } | Should -HaveCount 2
        $events = @(Get-PdSource -All | Get-PdEvent -All)
        $events.Count | Should -Be 2
        $events[0].Event.hello | Should -Be 'world'
    }

    It 'sends nothing with -WhatIf' {
        $null = Add-PdEmulatorSource -Emulator $script:Emu -Count 1
        Reset-PdEmulator -Emulator $script:Emu -WhatIf
        Add-PdEmulatorSource -Emulator $script:Emu -Count 3 -WhatIf
        $null = Add-PdEmulatorFault -Emulator $script:Emu -Path '/v1/*' -Status 500 -WhatIf
        New-PdEmulatorWorkflow -Emulator $script:Emu -Id p_whatif -WhatIf
        Send-PdEmulatorEvent -Emulator $script:Emu -EmitterId p_whatif -Event @{ a = 1 } -WhatIf
        Clear-PdEmulatorRequest -Emulator $script:Emu -WhatIf
        @(Get-PdSource -All).Count | Should -Be 1
        @(Get-PdEmulatorRequest -Emulator $script:Emu).Count | Should -Be 1
    }

    It 'uses the emulator last started when -Emulator is not given' {
        $null = Add-PdEmulatorSource -Count 3
        @(Get-PdSource -All).Count | Should -Be 3
    }

    It 'drives the current connection''s emulator when it is on loopback and none was started' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$($env:PSPD_TEST_MODULE)'
Connect-PdAccount -ApiKey '$($env:PSPD_TEST_APIKEY)' -BaseUri '$($env:PSPD_TEST_BASEURI)'
Clear-PdEmulatorRequest
`$null = Get-PdUser
@(Get-PdEmulatorRequest).Count
"@)
            $ps.Invoke() | Select-Object -Last 1 | Should -Be 1
            $ps.Streams.Error | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }

    It 'Add-PdEmulatorFault refuses a path that can never match an API path' {
        { Add-PdEmulatorFault -Emulator $script:Emu -Path '/users/me/sources*' -Status 429 } | Should -Throw -ErrorId 'PdInvalidArgument*' -ExpectedMessage '*start with /v1/*'
        foreach ($path in '*', '/v*', '/v1/users/me/sources*', '/v1') {
            $fault = Add-PdEmulatorFault -Emulator $script:Emu -Path $path -Status 503 -Count 1
            $fault.Path | Should -Be $path
        }
        Clear-PdEmulatorFault -Emulator $script:Emu
    }

    It 'shows the request log as a table of method, status and path' {
        Clear-PdEmulatorRequest -Emulator $script:Emu
        $key = [pscredential]::new('k', $script:Emu.ApiKey).GetNetworkCredential().Password
        $null = Invoke-RestMethod -Uri ($script:Emu.BaseUri.AbsoluteUri + '/users/me/sources?limit=1') -Headers @{ Authorization = "Bearer $key" }
        $text = Get-PdEmulatorRequest -Emulator $script:Emu | Format-Table | Out-String -Width 80
        $text | Should -Match 'Seq\s+ReceivedAt\s+Method\s+Status\s+Ms\s+Path'
        $text | Should -Match 'GET\s+200\s+\d+\s+/v1/users/me/sources\?limit=1'
    }

    It 'Get-PdEmulatorRequest gives a body back as it was sent: dates as text, numbers with every digit' {
        Clear-PdEmulatorRequest -Emulator $script:Emu
        $key = [pscredential]::new('k', $script:Emu.ApiKey).GetNetworkCredential().Password
        $sent = '{"name":"2024-01-01T10:00:00.1230000+02:00","n":12345678901234567890.5}'
        try {
            $null = Invoke-RestMethod -Method Post -Uri ($script:Emu.BaseUri.AbsoluteUri + '/sources') -Body $sent -ContentType 'application/json' -Headers @{ Authorization = "Bearer $key" }
        }
        catch { }
        (Get-PdEmulatorRequest -Emulator $script:Emu -Method POST).Body | Should -Be $sent
    }

    It 'refuses a host that is not on loopback before sending anything' {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        try { Reset-PdEmulator -Emulator 'http://192.0.2.1:9/' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorNotLocal*'
        $err.Exception.Message | Should -Match 'loopback'
        $err = $null
        try { Add-PdEmulatorFault -Emulator 'http://example.com/' -Path '/v1/*' -Status 500 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorNotLocal*'
        @(Get-PdEmulatorRequest -Emulator $script:Emu).Count | Should -Be 0
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 2
    }
}

Describe 'Emulator time: backdated, steady and replayed events' {
    BeforeEach {
        # Earlier tests start other emulators and connect elsewhere: these talk to this file's own.
        $null = Connect-PdAccount -BaseUri $script:Emu.BaseUri -ApiKey $script:Emu.ApiKey
        $PSDefaultParameterValues['*-PdEmulator*:Emulator'] = $script:Emu
        Reset-PdEmulator
        $script:Src = (Add-PdEmulatorSource -Count 1 -NamePrefix 'time-').FirstId
    }

    AfterAll { $PSDefaultParameterValues.Remove('*-PdEmulator*:Emulator') }

    It 'Send-PdEmulatorEvent -Timestamp backdates events, a local time converted to UTC, each in its place by time' {
        $null = Send-PdEmulatorEvent $script:Src -Event @{ n = 'now' }
        $local = [datetime]::SpecifyKind((Get-Date).AddDays(-10).Date.AddHours(9), 'Unspecified')
        $ids = @(Send-PdEmulatorEvent $script:Src -Event @{ n = 'old' } -Timestamp $local -Count 2)
        $ids | Should -HaveCount 2
        $null = Send-PdEmulatorEvent $script:Src -Event @{ n = 'older' } -Timestamp ([datetime]::UtcNow.AddDays(-20))

        $events = @(Get-PdEvent -SourceId $script:Src)
        $events.Event.n | Should -Be @('now', 'old', 'old', 'older')
        $expected = [datetime]::SpecifyKind($local, 'Local').ToUniversalTime()
        $events[1].IndexedAt | Should -Be $expected
        $events[1].IndexedAt.Kind | Should -Be 'Utc'
        $ms = ([DateTimeOffset] $expected).ToUnixTimeMilliseconds()
        $ids | ForEach-Object { $_ | Should -BeLike "$ms-*" }
    }

    It 'Send-PdEmulatorEvent refuses a time in the future or before 1970 and sends nothing' -TestCases @(
        @{ When = [datetime]::UtcNow.AddHours(1); Said = 'in the future' }
        @{ When = [datetime]::new(1969, 12, 31, 0, 0, 0, [DateTimeKind]::Utc); Said = 'before 1970' }
    ) {
        param($When, $Said)
        $err = $null
        try { Send-PdEmulatorEvent $script:Src -Event @{ n = 1 } -Timestamp $When -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -BeLike "*$Said*"
        @(Get-PdEvent -SourceId $script:Src) | Should -HaveCount 0
    }

    It 'Add-PdEmulatorSource -CreatedAt makes sources that look old' {
        $when = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
        $null = Add-PdEmulatorSource -Count 2 -NamePrefix 'stale-' -CreatedAt $when
        $stale = @(Get-PdSource -Name 'stale-*')
        $stale | Should -HaveCount 2
        $stale.CreatedAt | Should -Be @($when, $when)
        $stale.UpdatedAt | Should -Be @($when, $when)
        { Add-PdEmulatorSource -Count 1 -CreatedAt (Get-Date).AddDays(1) -ErrorAction Stop } | Should -Throw -ErrorId 'PdInvalidArgument*'
    }

    It 'Send-PdEmulatorEvent -Every -Count returns what it scheduled at once, and the emulator emits it in the background' {
        $schedule = Send-PdEmulatorEvent $script:Src -Event @{ tick = $true } -Every 0.2 -Count 3
        $schedule | Should -BeOfType ([PSPipedream.PdEmulatorSchedule])
        $schedule.EmitterId | Should -Be $script:Src
        $schedule.Count | Should -Be 3
        $schedule.EverySeconds | Should -Be 0.2
        $schedule.LastAt | Should -BeGreaterThan $schedule.FirstAt
        $deadline = [datetime]::UtcNow.AddSeconds(15)
        while (@(Get-PdEvent -SourceId $script:Src).Count -lt 3 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-PdEvent -SourceId $script:Src).Event.tick | Should -Be @($true, $true, $true)
    }

    It 'Send-PdEmulatorEvent -Every -WhatIf schedules nothing' {
        $null = Send-PdEmulatorEvent $script:Src -Event @{ tick = $true } -Every 0.1 -Count 2 -WhatIf
        Start-Sleep -Milliseconds 500
        @(Get-PdEvent -SourceId $script:Src) | Should -HaveCount 0
    }

    It 'Send-PdEmulatorEvent -Event replays an event taken from Get-PdEvent, and takes ConvertFrom-Json output' {
        $null = Send-PdEmulatorEvent $script:Src -Event @{ order = @{ id = 42; lines = @(@{ sku = 'a' }, @{ sku = 'b' }) }; ok = $true }
        $taken = Get-PdEvent -SourceId $script:Src -First 1 -Expand
        $taken.Event | Should -BeOfType ([pscustomobject])
        $other = (Add-PdEmulatorSource -Count 1 -NamePrefix 'replay-').FirstId
        $null = Send-PdEmulatorEvent $other -Event $taken.Event
        $null = Send-PdEmulatorEvent $other -Event ('{"from": "json", "n": [1, 2]}' | ConvertFrom-Json)
        $replayed = @(Get-PdEvent -SourceId $other -Expand)
        $replayed[1].Event | ConvertTo-Json -Depth 10 -Compress | Should -Be ($taken.Event | ConvertTo-Json -Depth 10 -Compress)
        $replayed[0].Event.n | Should -Be @(1, 2)
    }
}

Describe 'Start-PdEmulator -DataFile' {
    BeforeAll {
        $script:DataDir = Join-Path ([IO.Path]::GetTempPath()) ('pspd-data-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $script:DataDir
    }

    AfterAll {
        Connect-PdAccount -BaseUri $script:Emu.BaseUri -ApiKey $script:Emu.ApiKey
        Remove-Item -Recurse -Force $script:DataDir
    }

    It 'keeps sources, their events and the key across a restart' {
        $file = Join-Path $script:DataDir 'state.json'
        $first = Start-PdEmulator -Path $script:Dll -DataFile $file
        try {
            $file | Should -Exist
            $seed = Add-PdEmulatorSource -Emulator $first -Count 2 -NamePrefix 'kept-' -CreatedAt (Get-Date).AddDays(-30)
            $null = Send-PdEmulatorEvent -Emulator $first $seed.FirstId -Event @{ n = 1 } -Timestamp (Get-Date).AddDays(-3)
            $null = Connect-PdAccount -BaseUri $first.BaseUri -ApiKey $first.ApiKey
            $before = @(Get-PdSource | Select-Object Id, Name, CreatedAt) | ConvertTo-Json
            $events = @(Get-PdEvent -SourceId $seed.FirstId).Id
        }
        finally { Stop-PdEmulator -Emulator $first }

        $second = Start-PdEmulator -Path $script:Dll -DataFile $file
        try {
            [System.Net.NetworkCredential]::new('', $second.ApiKey).Password |
                Should -Be ([System.Net.NetworkCredential]::new('', $first.ApiKey).Password)
            $null = Connect-PdAccount -BaseUri $second.BaseUri -ApiKey $second.ApiKey
            @(Get-PdSource | Select-Object Id, Name, CreatedAt) | ConvertTo-Json | Should -Be $before
            @(Get-PdEvent -SourceId $seed.FirstId).Id | Should -Be $events
        }
        finally { Stop-PdEmulator -Emulator $second }
    }

    It 'refuses a file that is not the emulator''s and leaves it as it is' {
        $file = Join-Path $script:DataDir 'notes.json'
        Set-Content -LiteralPath $file -Value '{"mine": "not the emulator''s"}' -NoNewline
        $err = $null
        try { Start-PdEmulator -Path $script:Dll -DataFile $file } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorStartFailed*'
        $err.Exception.Message | Should -BeLike '*not a pd-emulator data file*'
        Get-Content -LiteralPath $file -Raw | Should -Be '{"mine": "not the emulator''s"}'
    }
}
