# The emulator cmdlets against loopback servers that misbehave: redirects, answers that are not
# the control API's, silence, a proxy in the environment; and Start-PdEmulator against a stand-in
# executable (FakeEmulator.py) that shows what it was given and fails in chosen ways.

BeforeDiscovery {
    $script:NoPython = -not (Get-Command python3 -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Dll = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'
    $script:Python = (& python3 -c 'import sys; print(sys.executable)' | Select-Object -First 1)
    $script:Temp = Join-Path ([IO.Path]::GetTempPath()) ('pspd-hostile-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $script:Temp

    # The hostile servers, one port per kind; they end when this pipe to them closes.
    $psi = [Diagnostics.ProcessStartInfo]::new($script:Python)
    $psi.ArgumentList.Add((Join-Path $PSScriptRoot 'servers/HostileControlServer.py'))
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $script:Server = [Diagnostics.Process]::Start($psi)
    $line = $script:Server.StandardOutput.ReadLineAsync()
    if (-not $line.Wait(20000)) { throw 'The hostile servers did not start.' }
    $script:Ports = $line.Result | ConvertFrom-Json

    function script:Get-HostRoot([string] $Kind) { "http://127.0.0.1:$($script:Ports.$Kind)/" }

    # What the record server was sent, oldest first.
    function script:Get-RecordLog { @((Invoke-RestMethod -Uri ((Get-HostRoot record) + '_log') -NoProxy) | ForEach-Object { $_ }) }

    # pd-emulator as Start-PdEmulator finds it: an executable file, here FakeEmulator.py run by this Python.
    function script:New-FakeEmulator([string] $Folder = $script:Temp) {
        $path = Join-Path $Folder 'pd-emulator'
        $lines = @(Get-Content (Join-Path $PSScriptRoot 'servers/FakeEmulator.py'))
        Set-Content -Path $path -Value (@("#!$($script:Python)") + $lines)
        [IO.File]::SetUnixFileMode($path, [IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        $path
    }

    function script:Read-FakeReport([string] $Path) {
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (-not (Test-Path $Path)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The fake emulator never started.' }
            Start-Sleep -Milliseconds 50
        }
        Get-Content -Raw $Path | ConvertFrom-Json
    }

    function script:Test-ProcessGone([int] $Id, [int] $Seconds = 10) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while ((Get-Process -Id $Id -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        -not (Get-Process -Id $Id -ErrorAction SilentlyContinue)
    }
}

AfterAll {
    if ($script:Server) {
        $script:Server.StandardInput.Close()
        if (-not $script:Server.WaitForExit(5000)) { $script:Server.Kill() }
        $script:Server.Dispose()
    }
    if ($script:Temp) { Remove-Item -Recurse -Force $script:Temp -ErrorAction SilentlyContinue }
}

Describe 'The control cmdlets against a loopback server that misbehaves' -Skip:$script:NoPython {
    It 'follows no redirect: the other server gets nothing, and the error is PdEmulatorControlFailed' {
        $before = @(Get-RecordLog).Count
        $root = Get-HostRoot redirect
        foreach ($call in @(
                { Reset-PdEmulator -Emulator $root -Confirm:$false }
                { Add-PdEmulatorFault -Emulator $root -Path '/v1/*' -Status 500 -Confirm:$false }
                { Get-PdEmulatorRequest -Emulator $root })) {
            $err = Get-PdErrorRecord $call
            $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorControlFailed*'
            $err.Exception.Message | Should -Match '307'
        }
        @(Get-RecordLog).Count | Should -Be $before
    }

    It 'fails with PdEmulatorControlFailed, not a .NET exception, on an HTML answer' {
        $root = Get-HostRoot nonjson
        foreach ($call in @(
                { Reset-PdEmulator -Emulator $root -Confirm:$false }
                { Get-PdEmulatorRequest -Emulator $root })) {
            $err = Get-PdErrorRecord $call
            $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorControlFailed*'
            $err.Exception | Should -BeOfType ([PSPipedream.PdApiException])
            $err.Exception.Message | Should -Match 'not JSON'
        }
    }

    It 'fails with PdEmulatorControlFailed on JSON of the wrong shape: <Name>' -TestCases @(
        @{ Name = 'Get-PdEmulatorRequest'; Call = { Get-PdEmulatorRequest -Emulator $args[0] } }
        @{ Name = 'Add-PdEmulatorSource'; Call = { Add-PdEmulatorSource -Emulator $args[0] -Count 1 -Confirm:$false } }
        @{ Name = 'Add-PdEmulatorFault'; Call = { Add-PdEmulatorFault -Emulator $args[0] -Path '/v1/*' -Status 500 -Confirm:$false } }
        @{ Name = 'Send-PdEmulatorEvent'; Call = { Send-PdEmulatorEvent -Emulator $args[0] -EmitterId dc_x -Event @{ a = 1 } -Confirm:$false } }
        @{ Name = 'New-PdEmulatorWorkflow'; Call = { New-PdEmulatorWorkflow -Emulator $args[0] -Confirm:$false } }
    ) {
        param($Name, $Call)
        $root = Get-HostRoot oddshape
        $err = Get-PdErrorRecord { & $Call $root }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorControlFailed*'
        $err.Exception | Should -BeOfType ([PSPipedream.PdApiException])
        $err.Exception.Message | Should -Match '_emulator/'
    }

    It 'gives PdTimeout when the server never answers, after -TimeoutSeconds' {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-PdErrorRecord { Reset-PdEmulator -Emulator (Get-HostRoot silent) -TimeoutSeconds 1 -Confirm:$false }
        $sw.Stop()
        $err.FullyQualifiedErrorId | Should -BeLike 'PdTimeout*'
        $err.Exception.Message | Should -Match 'did not answer within 1 seconds'
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'gives PdTimeout after 10 seconds by default' {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-PdErrorRecord { Get-PdEmulatorRequest -Emulator (Get-HostRoot silent) }
        $sw.Stop()
        $err.FullyQualifiedErrorId | Should -BeLike 'PdTimeout*'
        $sw.Elapsed.TotalSeconds | Should -BeGreaterThan 9
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 15
    }

    It 'sends every POST as application/json ({} when there is no body) and no Origin' {
        $root = Get-HostRoot record
        $before = @(Get-RecordLog).Count
        Reset-PdEmulator -Emulator $root -Confirm:$false
        $null = Add-PdEmulatorFault -Emulator $root -Path '/v1/*' -Status 503 -Confirm:$false
        $sent = @(Get-RecordLog) | Select-Object -Skip $before
        $sent.Count | Should -Be 2
        $sent[0].method | Should -Be 'POST'
        $sent[0].path | Should -Be '/_emulator/reset'
        $sent[0].headers.'content-type' | Should -Be 'application/json'
        $sent[0].body | Should -Be '{}'
        $sent[1].path | Should -Be '/_emulator/faults'
        $sent[1].headers.'content-type' | Should -Be 'application/json'
        ($sent[1].body | ConvertFrom-Json).status | Should -Be 503
        foreach ($request in $sent) { $request.headers.PSObject.Properties.Name | Should -Not -Contain 'origin' }
    }

    It 'talks to 127.0.0.1 directly when HTTP_PROXY and HTTPS_PROXY name a proxy that is down' {
        # A port that was free a moment ago: nothing listens there.
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $deadPort = $listener.LocalEndpoint.Port; $listener.Stop()
        $before = @(Get-RecordLog).Count
        $pwsh = @(Get-PwshCommand)
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        $script = 'param($Module, $Root, $Dll) $ErrorActionPreference = "Stop"; Import-Module $Module; ' +
            'Reset-PdEmulator -Emulator $Root -Confirm:$false; ' +
            '$e = Start-PdEmulator -Path $Dll; Clear-PdEmulatorRequest -Emulator $e -Confirm:$false; Stop-PdEmulator -Emulator $e; "done"'
        $file = Join-Path $script:Temp 'proxied.ps1'
        Set-Content -Path $file -Value $script
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file, $env:PSPD_TEST_MODULE, (Get-HostRoot record), $script:Dll)) {
            $psi.ArgumentList.Add($a)
        }
        foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy') { $psi.Environment[$name] = "http://127.0.0.1:$deadPort" }
        foreach ($name in 'NO_PROXY', 'no_proxy') { $null = $psi.Environment.Remove($name) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $child = [Diagnostics.Process]::Start($psi)
        try {
            $errors = $child.StandardError.ReadToEndAsync()
            $output = $child.StandardOutput.ReadToEndAsync()
            $child.WaitForExit(90000) | Should -BeTrue
            $errors.Result | Should -BeNullOrEmpty
            $output.Result.Trim() | Should -Be 'done'
            $sent = @(Get-RecordLog) | Select-Object -Skip $before
            $sent.path | Should -Be @('/_emulator/reset')
        }
        finally {
            if (-not $child.HasExited) { $child.Kill($true) }
            $child.Dispose()
        }
    }
}

Describe 'Start-PdEmulator ends the process it started when it fails' -Skip:($script:NoPython -or $IsWindows) {
    BeforeAll {
        $script:Fake = New-FakeEmulator
    }

    BeforeEach {
        $script:Report = Join-Path $script:Temp ('report-' + [guid]::NewGuid().ToString('N') + '.json')
        $env:PSPD_TEST_FAKE_REPORT = $script:Report
    }

    AfterEach {
        if (Test-Path $script:Report) { Stop-Process -Id (Read-FakeReport $script:Report).pid -ErrorAction SilentlyContinue }
        foreach ($name in 'PSPD_TEST_FAKE_REPORT', 'PSPD_TEST_FAKE_MODE', 'PSPD_TEST_FAKE_BASE_URI') { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
    }

    It 'when Ctrl+C stops it while it waits for the emulator' {
        $env:PSPD_TEST_FAKE_MODE = 'silent'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Module, $Fake) Import-Module $Module; Start-PdEmulator -Path $Fake').
                AddArgument($env:PSPD_TEST_MODULE).AddArgument($script:Fake)
            $null = $ps.BeginInvoke()
            $report = Read-FakeReport $script:Report
            Get-Process -Id $report.pid -ErrorAction Stop | Should -Not -BeNullOrEmpty
            $ps.Stop()
            Test-ProcessGone $report.pid | Should -BeTrue
        }
        finally { $ps.Dispose() }
    }

    It 'when the emulator reports an address that is not on loopback (PdEmulatorNotLocal)' {
        $env:PSPD_TEST_FAKE_MODE = 'print'
        $env:PSPD_TEST_FAKE_BASE_URI = 'http://192.0.2.1:9/v1'
        $err = $null
        try { Start-PdEmulator -Path $script:Fake -ApiKey 'fake-key-0123456789' } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorNotLocal*'
        $err.Exception.Message | Should -Match '192\.0\.2\.1'
        Test-ProcessGone (Read-FakeReport $script:Report).pid | Should -BeTrue
    }

    It 'when what answers at its address is not the emulator''s control API' {
        $env:PSPD_TEST_FAKE_MODE = 'print'
        $env:PSPD_TEST_FAKE_BASE_URI = (Get-HostRoot nonjson) + 'v1'
        $err = $null
        try { Start-PdEmulator -Path $script:Fake -ApiKey 'fake-key-0123456789' } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdEmulatorStartFailed*'
        $err.Exception.Message | Should -Match 'control API'
        Test-ProcessGone (Read-FakeReport $script:Report).pid | Should -BeTrue
    }
}

Describe 'Start-PdEmulator keeps the key off the command line' -Skip:($script:NoPython -or $IsWindows) {
    BeforeAll {
        $script:Fake = New-FakeEmulator
    }

    BeforeEach {
        $script:Report = Join-Path $script:Temp ('report-' + [guid]::NewGuid().ToString('N') + '.json')
        $env:PSPD_TEST_FAKE_REPORT = $script:Report
        $env:PSPD_TEST_FAKE_MODE = 'serve'
    }

    AfterEach {
        foreach ($name in 'PSPD_TEST_FAKE_REPORT', 'PSPD_TEST_FAKE_MODE') { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
    }

    It 'hands -ApiKey over in PD_EMULATOR_API_KEY, so a key that looks like options stays a key' {
        $key = 'abc\" --users "/x.json'
        $emu = Start-PdEmulator -Path $script:Fake -ApiKey $key
        try {
            $report = Read-FakeReport $script:Report
            $report.argv | Should -Be @('--urls', 'http://127.0.0.1:0', '--exit-with-stdin', 'true')
            $report.key | Should -BeExactly $key
            [Net.NetworkCredential]::new('', $emu.ApiKey).Password | Should -BeExactly $key
        }
        finally { Stop-PdEmulator -Emulator $emu }
    }

    It 'makes the key itself without -ApiKey, and shows it when it asks GET /_emulator/users' {
        $emu = Start-PdEmulator -Path $script:Fake
        try {
            $report = Read-FakeReport $script:Report
            $key = [Net.NetworkCredential]::new('', $emu.ApiKey).Password
            $key | Should -Match '^[a-z0-9]{32}$'
            $report.key | Should -BeExactly $key
            ($report.argv -join ' ') | Should -Not -Match $key
            $users = @($report.requests | Where-Object path -eq '/_emulator/users')
            $users.Count | Should -Be 1
            $users[0].authorization | Should -BeExactly "Bearer $key"
            $emu.Users[0].ApiKeyHint | Should -Be ('****' + $key.Substring(28))
        }
        finally { Stop-PdEmulator -Emulator $emu }
    }

    It 'starts the real emulator with -ApiKey out of its command line, and the key works' -Skip:(-not $IsLinux) {
        $key = 'given-' + [guid]::NewGuid().ToString('N')
        $emu = Start-PdEmulator -Path $script:Dll -ApiKey $key
        try {
            $commandLine = [IO.File]::ReadAllText("/proc/$($emu.ProcessId)/cmdline")
            $commandLine | Should -Match 'exit-with-stdin'
            $commandLine | Should -Not -Match $key
            $me = Invoke-RestMethod -Uri ($emu.BaseUri.AbsoluteUri + '/users/me') -Headers @{ Authorization = "Bearer $key" } -NoProxy
            $me.data.id | Should -Be 'u_emulator'
        }
        finally { Stop-PdEmulator -Emulator $emu }
    }

    It 'starts the real emulator with a users file whose path holds quotes and spaces' {
        $folder = Join-Path $script:Temp 'a "quoted" --api-key folder'
        $null = New-Item -ItemType Directory $folder
        $file = Join-Path $folder 'users " --urls "x.json'
        Set-Content -Path $file -Value (@{ users = @(@{ id = 'u_quoted'; username = 'quoted'; email = 'quoted@example.com'; api_key = 'quoted-key-0123456789abcdefghij' }) } | ConvertTo-Json -Depth 5)
        $emu = Start-PdEmulator -Path $script:Dll -UsersFile $file
        try {
            $emu.Users[0].Id | Should -Be 'u_quoted'
            [Net.NetworkCredential]::new('', $emu.ApiKey).Password | Should -Be 'quoted-key-0123456789abcdefghij'
        }
        finally { Stop-PdEmulator -Emulator $emu }
    }

    It 'quotes each argument so that a runtime without ArgumentList splits the command line back the same' {
        $arguments = @('plain', '', 'two words', 'abc\" --users "/x.json', 'trailing\', 'space and trailing\\', '"', '\\"', "tab`there", 'C:\dir\"x', 'a\\b\c')
        $join = [PSPipedream.PdEmulator].Assembly.GetType('PSPipedream.Cmdlets.PdProcessArguments').GetMethod('Join')
        $commandLine = $join.Invoke($null, @(, [string[]] $arguments))
        # .NET splits ProcessStartInfo.Arguments by the same rules as CommandLineToArgvW.
        $psi = [Diagnostics.ProcessStartInfo]::new($script:Python)
        $psi.Arguments = '-c "import sys, json; print(json.dumps(sys.argv[1:]))" ' + $commandLine
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $echo = [Diagnostics.Process]::Start($psi)
        $text = $echo.StandardOutput.ReadToEnd()
        $echo.WaitForExit(10000) | Should -BeTrue
        $received = @($text | ConvertFrom-Json)
        $received.Count | Should -Be $arguments.Count
        for ($i = 0; $i -lt $arguments.Count; $i++) { $received[$i] | Should -BeExactly $arguments[$i] }
    }
}
