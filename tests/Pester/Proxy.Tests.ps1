# Proxies: Connect-PdAccount -Proxy / -ProxyCredential / -NoProxy through a real proxy (tinyproxy,
# installed from Debian's packages when missing), the system proxy ($env:HTTP_PROXY and
# $env:HTTPS_PROXY) never carrying loopback traffic, failures that name the proxy, and
# addresses holding a user name or password.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    $script:Setting = Get-EmulatorSetting
    $script:EmulatorPort = ([uri] $Setting.BaseUri).Port
    $script:ProxyUser = 'pd-proxy-user'
    $script:ProxyPassword = 'Pr0xy-s3cret-pw'
    $script:EnvNames = 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL', 'PIPEDREAM_ORG_ID', 'PSPD_TEST_RETRY_BASE_MS'

    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }

    # Runs a program for at most $Seconds; returns its exit code, or a sentence when it could not finish.
    function Invoke-Bounded([string] $File, [string[]] $Arguments, [int] $Seconds) {
        $psi = [System.Diagnostics.ProcessStartInfo]::new($File)
        foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
        $psi.Environment['DEBIAN_FRONTEND'] = 'noninteractive'
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $out = $process.StandardOutput.ReadToEndAsync()
        $err = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($Seconds * 1000)) {
            $process.Kill($true)
            return "$File $($Arguments -join ' ') did not finish within $Seconds s"
        }
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) {
            $tail = (($out.Result + $err.Result) -split "`n" | Where-Object { $_.Trim() } | Select-Object -Last 3) -join ' / '
            return "$File $($Arguments -join ' ') exited with $($process.ExitCode): $tail"
        }
        $null
    }

    # Installs tinyproxy from Debian's packages when it is missing; returns why it cannot be had, or $null.
    function Install-Tinyproxy {
        if (Get-Command tinyproxy -CommandType Application -ErrorAction Ignore) { return $null }
        if (-not $IsLinux -or -not (Get-Command apt-get -CommandType Application -ErrorAction Ignore)) {
            return 'tinyproxy is not installed, and there is no apt-get to install it with'
        }
        if ((& id -u) -ne '0') { return 'tinyproxy is not installed, and installing it with apt-get needs root' }
        $problem = Invoke-Bounded 'apt-get' @('update') 300
        if (-not $problem) { $problem = Invoke-Bounded 'apt-get' @('install', '-y', '--no-install-recommends', 'tinyproxy') 300 }
        if ($problem) { return "tinyproxy could not be installed: $problem" }
        if (-not (Get-Command tinyproxy -CommandType Application -ErrorAction Ignore)) { return 'apt-get installed tinyproxy, but it is not on PATH' }
        $null
    }

    # tinyproxy on 127.0.0.1 with Basic authentication, in the foreground, with its own config and log.
    function Start-Tinyproxy {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ('pspd-proxy-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $dir
        $port = Get-FreePort
        $log = Join-Path $dir 'tinyproxy.log'
        $config = Join-Path $dir 'tinyproxy.conf'
        @(
            'Listen 127.0.0.1'
            "Port $port"
            'Allow 127.0.0.1'
            "BasicAuth $ProxyUser $ProxyPassword"
            'Timeout 30'
            'MaxClients 20'
            'LogLevel Info'
            "LogFile `"$log`""
        ) | Set-Content -Path $config -Encoding ascii

        $psi = [System.Diagnostics.ProcessStartInfo]::new((Get-Command tinyproxy -CommandType Application)[0].Source)
        foreach ($a in '-d', '-c', $config) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $null = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()

        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        while ($true) {
            if ($process.HasExited) { throw "tinyproxy stopped at once (exit code $($process.ExitCode)): $($stderr.Result)" }
            $probe = [System.Net.Sockets.TcpClient]::new()
            try { $probe.Connect('127.0.0.1', $port); break } catch { } finally { $probe.Dispose() }
            if ([DateTime]::UtcNow -gt $deadline) { $process.Kill($true); throw "tinyproxy did not listen on 127.0.0.1:$port within 15 s." }
            Start-Sleep -Milliseconds 100
        }
        [pscustomobject]@{ Process = $process; Port = $port; Uri = "http://127.0.0.1:$port"; Log = $log; Dir = $dir }
    }

    # The requests tinyproxy passed on, as it logged them ("GET http://127.0.0.1:5000/v1/users/me").
    function Get-ProxiedRequest {
        if (-not (Test-Path $Proxy.Log)) { return @() }
        @(Get-Content $Proxy.Log | ForEach-Object { if ($_ -match 'Request \(file descriptor \d+\): (\S+ \S+)') { $Matches[1] } })
    }

    function New-ProxyCredential([string] $Password = $ProxyPassword) {
        [pscredential]::new($ProxyUser, (ConvertTo-TestSecureString $Password))
    }

    # A fresh pwsh with the given environment added (a value of $null removes the variable); returns its output lines.
    function Invoke-ChildPwsh([System.Collections.IDictionary] $Environment, [string] $Command) {
        $pwsh = @(Get-PwshCommand)
        $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)) { $psi.ArgumentList.Add($a) }
        foreach ($name in $Environment.Keys) {
            if ($null -eq $Environment[$name]) { $null = $psi.Environment.Remove($name) } else { $psi.Environment[$name] = $Environment[$name] }
        }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $out = $process.StandardOutput.ReadToEndAsync()
        $err = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish within 120 s.' }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Lines = @($out.Result -split "`r?`n" | Where-Object { $_ }); Errors = $err.Result }
    }

    # The system proxy of a machine that has one: every proxy variable points at $ProxyUri, none exempts a host.
    function Get-ProxyEnvironment([string] $ProxyUri) {
        $environment = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
        foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy') { $environment[$name] = $ProxyUri }
        foreach ($name in 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy', 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL', 'PIPEDREAM_ORG_ID') {
            $environment[$name] = $null
        }
        $environment
    }

    # Connects in the child to the emulator on 127.0.0.1 and prints what the runtime's own default
    # proxy would do with that address, the user connected as, the connection's proxy, and how
    # many requests an emulator cmdlet read from the emulator's log.
    function Get-ChildConnectCommand([string] $Switches = '') {
        @"
`$ErrorActionPreference = 'Stop'
Import-Module `$env:PSPD_TEST_MODULE
'runtime proxy for the emulator: ' + [System.Net.Http.HttpClient]::DefaultProxy.GetProxy([uri] `$env:PSPD_TEST_BASEURI)
`$c = Connect-PdAccount -ApiKey `$env:PSPD_TEST_APIKEY -BaseUri `$env:PSPD_TEST_BASEURI -PassThru $Switches
'user: ' + `$c.Username
'proxy: ' + `$c.Proxy
'emulator cmdlets: ' + @(Get-PdEmulatorRequest -Emulator `$env:PSPD_TEST_ROOT -Last 1).Count
"@
    }

    function Save-PdEnvironment {
        $saved = @{}
        foreach ($name in $EnvNames) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $null) }
        $saved
    }

    function Restore-PdEnvironment($Saved) {
        foreach ($name in $EnvNames) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    }

    $script:Key = ConvertTo-TestSecureString $Setting.ApiKey
    $script:ProxySkipReason = Install-Tinyproxy
    $script:Proxy = if (-not $ProxySkipReason) { Start-Tinyproxy }
}

AfterAll {
    if ($script:Proxy) {
        if (-not $Proxy.Process.HasExited) { $Proxy.Process.Kill($true); $null = $Proxy.Process.WaitForExit(10000) }
        Remove-Item -Recurse -Force $Proxy.Dir -ErrorAction Ignore
    }
}

Describe 'Connect-PdAccount -Proxy through tinyproxy' {
    BeforeEach {
        if ($ProxySkipReason) { Set-ItResult -Skipped -Because $ProxySkipReason; return }
        Disconnect-PdAccount
        $script:Saved = Save-PdEnvironment
    }
    AfterEach {
        if (-not $ProxySkipReason) { Restore-PdEnvironment $script:Saved; Disconnect-PdAccount }
    }

    It 'sends every request through the proxy with -ProxyCredential (Basic), and shows the proxy, never its password' {
        $before = (Get-ProxiedRequest).Count
        $c = Connect-PdAccount -ApiKey $Key -BaseUri $Setting.BaseUri -Proxy $Proxy.Uri -ProxyCredential (New-ProxyCredential) -PassThru
        $c.Username | Should -Not -BeNullOrEmpty
        $null = Get-PdUser -ErrorAction Stop

        # tinyproxy logs each request twice: first sent without credentials (answered 407), then with them.
        $passed = @(Get-ProxiedRequest | Select-Object -Skip $before)
        @($passed | Sort-Object -Unique) | Should -Be @("GET http://127.0.0.1:$EmulatorPort/v1/users/me")
        $passed.Count | Should -Be 4 -Because 'Connect-PdAccount and Get-PdUser each sent GET /users/me through the proxy'

        $c.Proxy.AbsoluteUri | Should -Be "$($Proxy.Uri)/"
        $shown = (Get-PdContext | Out-String) + ($c | Format-List * | Out-String) + ($c | ConvertTo-Json -Depth 3)
        $shown | Should -Match ([regex]::Escape("Proxy          : $($Proxy.Uri)/"))
        $shown | Should -Not -Match $ProxyPassword
    }

    It 'turns the proxy''s 407 into PdProxyAuthenticationRequired, naming the proxy and -ProxyCredential (<Case>)' -ForEach @(
        @{ Case = 'http, no credentials: 407 answer'; Scheme = 'http'; Password = $null; Status = 407; Advice = 'asks for credentials' }
        @{ Case = 'https, no credentials: CONNECT refused with 407'; Scheme = 'https'; Password = $null; Status = 407; Advice = 'asks for credentials' }
        @{ Case = 'https, wrong password: CONNECT refused'; Scheme = 'https'; Password = 'wrong-password'; Status = 401; Advice = 'did not accept the credentials given' }
    ) {
        Clear-EmulatorRequest
        $baseUri = $Setting.BaseUri -replace '^http:', "${Scheme}:"
        $params = @{ ApiKey = $Key; BaseUri = $baseUri; Proxy = $Proxy.Uri }
        if ($Password) { $params.ProxyCredential = New-ProxyCredential $Password }
        $err = Get-PdErrorRecord { Connect-PdAccount @params }

        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PdProxyAuthenticationRequired,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.StatusCode | Should -Be $Status
        $err.Exception.Attempts | Should -Be 1 -Because 'asking again without other credentials cannot help'
        $err.Exception.Message | Should -Match ([regex]::Escape("after 1 attempt through the proxy $($Proxy.Uri)"))
        $err.Exception.Message | Should -Match ([regex]::Escape($Advice))
        $err.Exception.Message | Should -Match '-ProxyCredential'
        $err.Exception.Message | Should -Not -Match $ProxyPassword
        @(Get-EmulatorRequest).Count | Should -Be 0 -Because 'the proxy let nothing through to the emulator'
        Get-PdContext -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}

Describe 'A proxy that cannot be reached' {
    BeforeEach {
        Disconnect-PdAccount
        $script:Saved = Save-PdEnvironment
        $env:PSPD_TEST_RETRY_BASE_MS = '10'
        $script:DeadProxy = "http://127.0.0.1:$(Get-FreePort)"
    }
    AfterEach {
        Restore-PdEnvironment $script:Saved
        Disconnect-PdAccount
    }

    It 'is named in the failure (-Proxy <Scheme> base URI)' -ForEach @(@{ Scheme = 'http' }, @{ Scheme = 'https' }) {
        $baseUri = $Setting.BaseUri -replace '^http:', "${Scheme}:"
        $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey $Key -BaseUri $baseUri -Proxy $DeadProxy -MaxRetries 1 }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdConnectionFailed,*'
        $err.Exception.Message | Should -Match ('^GET ' + [regex]::Escape("$($baseUri.TrimEnd('/'))/users/me failed after 2 attempts through the proxy $DeadProxy`: "))
    }

    It 'as the system proxy ($env:HTTP_PROXY, $env:HTTPS_PROXY) does not stop Connect-PdAccount to the emulator on 127.0.0.1' {
        $child = Invoke-ChildPwsh (Get-ProxyEnvironment $DeadProxy) (Get-ChildConnectCommand)
        $child.Errors | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        # The runtime itself would send 127.0.0.1 to the proxy; the module does not.
        $child.Lines | Should -Contain "runtime proxy for the emulator: $DeadProxy/"
        $child.Lines | Should -Contain 'user: emulator'
        $child.Lines | Should -Contain 'proxy: '
        $child.Lines | Should -Contain 'emulator cmdlets: 1' -Because 'the emulator cmdlets, too, talk to the emulator directly'
    }

    It 'as the system proxy is not used with -NoProxy' {
        $child = Invoke-ChildPwsh (Get-ProxyEnvironment $DeadProxy) (Get-ChildConnectCommand '-NoProxy')
        $child.Errors | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        $child.Lines | Should -Contain "runtime proxy for the emulator: $DeadProxy/"
        $child.Lines | Should -Contain 'user: emulator'
        $child.Lines | Should -Contain 'proxy: '
    }
}

Describe 'Proxy parameters that cannot go together' {
    BeforeEach { Clear-EmulatorRequest; Disconnect-PdAccount }

    It '-NoProxy with -Proxy is refused by parameter binding' {
        $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey $Key -BaseUri $Setting.BaseUri -NoProxy -Proxy 'http://127.0.0.1:3128' }
        $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It '-ProxyCredential with -ProxyUseDefaultCredentials is PdInvalidArgument before any request' {
        $err = Get-PdErrorRecord {
            Connect-PdAccount -ApiKey $Key -BaseUri $Setting.BaseUri -Proxy 'http://127.0.0.1:3128' -ProxyCredential (New-ProxyCredential) -ProxyUseDefaultCredentials
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument,*'
        $err.Exception.Message | Should -Match '-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'a -Proxy holding a password is PdInvalidArgument, and the password is not shown' {
        $err = Get-PdErrorRecord { Connect-PdAccount -ApiKey $Key -BaseUri $Setting.BaseUri -Proxy "http://${ProxyUser}:$ProxyPassword@127.0.0.1:3128" }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument,*'
        $err.Exception.Message | Should -Match '-ProxyCredential'
        "$($err.Exception) $($err.TargetObject)" | Should -Not -Match $ProxyPassword
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'A base URI holding a user name or password' {
    BeforeEach {
        Clear-EmulatorRequest
        Disconnect-PdAccount
        $script:Saved = Save-PdEnvironment
        $script:Secret = 'hunter2-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:WithUserInfo = $Setting.BaseUri -replace '^http://', "http://pdadmin:$Secret@"
    }
    AfterEach {
        Restore-PdEnvironment $script:Saved
        Disconnect-PdAccount
    }

    It 'is refused with PdInvalidArgument before any request, showing neither user nor password (<Source>)' -ForEach @(
        @{ Source = '-BaseUri' }
        @{ Source = '$env:PIPEDREAM_BASE_URL' }
        @{ Source = 'implicit connection' }
    ) {
        $err = switch ($Source) {
            '-BaseUri' { Get-PdErrorRecord { Connect-PdAccount -ApiKey $Key -BaseUri $WithUserInfo } }
            '$env:PIPEDREAM_BASE_URL' {
                $env:PIPEDREAM_BASE_URL = $WithUserInfo
                Get-PdErrorRecord { Connect-PdAccount -ApiKey $Key }
            }
            'implicit connection' {
                $env:PIPEDREAM_BASE_URL = $WithUserInfo
                $env:PIPEDREAM_API_KEY = $Setting.ApiKey
                Get-PdErrorRecord { Get-PdUser }
            }
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument,*'
        $err.Exception.Message | Should -Match 'holds a user name or password'
        $shown = "$($err.Exception) $($err.TargetObject) $($err.ErrorDetails)"
        $shown | Should -Not -Match $Secret
        $shown | Should -Not -Match 'pdadmin'
        @(Get-EmulatorRequest).Count | Should -Be 0
        Get-PdContext -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}
