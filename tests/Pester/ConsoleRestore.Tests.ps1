# Start-PdEmulator -Connect borrows the current connection; Stop-PdEmulator (or the end of the
# runspace that started it) hands it back, so a test leaves the console as it found it: connected
# where it was, or not connected at all, never to a port where nothing listens.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Setting = Get-EmulatorSetting
    $script:Dll = Join-Path $PSScriptRoot '../../src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll'

    # The connection a cmdlet would use now, as a user sees it: its base URI, or $null.
    function Get-CurrentBaseUri {
        $context = Get-PdContext
        if ($context) { $context.BaseUri.AbsoluteUri.TrimEnd('/') } else { $null }
    }

    # Stop-PdEmulator -Verbose; returns its verbose lines as one text.
    function Stop-EmulatorVerbosely {
        @(Stop-PdEmulator -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
    }

    # No key in the environment while a test checks "not connected": the first cmdlet would
    # otherwise connect from it.
    $script:SavedKey = $env:PIPEDREAM_API_KEY
    Remove-Item env:PIPEDREAM_API_KEY -ErrorAction SilentlyContinue
}

AfterAll {
    if ($null -ne $script:SavedKey) { $env:PIPEDREAM_API_KEY = $script:SavedKey }
    $null = Connect-TestAccount
}

Describe 'Start-PdEmulator -Connect and Stop-PdEmulator' {
    BeforeEach {
        $script:A = (Connect-TestAccount).BaseUri.AbsoluteUri.TrimEnd('/')
    }

    It 'puts back the connection it replaced, and says so on -Verbose' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        Get-CurrentBaseUri | Should -Be $b.BaseUri.AbsoluteUri.TrimEnd('/')
        (Get-PdUser).Id | Should -Be 'u_emulator'

        $said = Stop-EmulatorVerbosely
        Get-CurrentBaseUri | Should -Be $script:A
        $said | Should -Match ('Restored the connection Start-PdEmulator -Connect replaced: emulator \(u_emulator\) at ' + [regex]::Escape($script:A))
        (Get-PdContext).KeySource | Should -Be 'Parameter' -Because 'it is the connection Connect-PdAccount made, not a copy'
        $b.Running | Should -BeFalse
        # The restored connection works at once.
        { Get-PdUser -ErrorAction Stop } | Should -Not -Throw
    }

    It 'leaves no connection when there was none, and the next cmdlet says "not connected" at once' {
        Disconnect-PdAccount
        $null = Start-PdEmulator -Path $script:Dll -Connect
        Get-CurrentBaseUri | Should -Not -BeNullOrEmpty

        $said = Stop-EmulatorVerbosely
        Get-PdContext | Should -BeNullOrEmpty
        $said | Should -Match 'No connection was current before Start-PdEmulator -Connect, so none is now'

        $err = $null
        $verbose = @(try { Get-PdSource -Verbose 4>&1 } catch { $err = $_ })
        $err.FullyQualifiedErrorId | Should -Be 'PdNotConnected,PSPipedream.Cmdlets.GetPdSourceCommand'
        $err.Exception.Message | Should -BeLike 'Not connected to Pipedream. Run Connect-PdAccount*'
        # Not a single request, so no retries against a dead port.
        @($verbose | Where-Object { "$_" -match '^GET ' }) | Should -BeNullOrEmpty
    }

    It 'hands back nested starts in turn: C gives back B, B gives back A' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        $c = Start-PdEmulator -Path $script:Dll -Connect
        Get-CurrentBaseUri | Should -Be $c.BaseUri.AbsoluteUri.TrimEnd('/')
        Stop-PdEmulator -Emulator $c
        Get-CurrentBaseUri | Should -Be $b.BaseUri.AbsoluteUri.TrimEnd('/')
        (Get-PdUser).Id | Should -Be 'u_emulator' -Because 'B still answers'
        Stop-PdEmulator -Emulator $b
        Get-CurrentBaseUri | Should -Be $script:A
    }

    It 'comes back to A when the outer one is stopped first' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        $c = Start-PdEmulator -Path $script:Dll -Connect
        Stop-PdEmulator -Emulator $b
        Get-CurrentBaseUri | Should -Be $c.BaseUri.AbsoluteUri.TrimEnd('/') -Because 'C is still running and current'
        Stop-PdEmulator -Emulator $c
        Get-CurrentBaseUri | Should -Be $script:A -Because 'C replaced B, which had replaced A'
    }

    It 'also hands back over a connection made since to the same emulator (a script that runs Connect-PdAccount itself)' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        $null = Connect-PdAccount -BaseUri $b.BaseUri -ApiKey $b.ApiKey
        $said = Stop-EmulatorVerbosely
        Get-CurrentBaseUri | Should -Be $script:A
        $said | Should -Match 'Restored the connection'
    }

    It 'keeps a connection made after the start to another server' {
        $null = Start-PdEmulator -Path $script:Dll -Connect
        $null = Connect-TestAccount
        $said = Stop-EmulatorVerbosely
        Get-CurrentBaseUri | Should -Be $script:A
        $said | Should -Match 'was made after Start-PdEmulator -Connect; it stays'
    }

    It 'hands back even when the emulator had already exited on its own' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        Stop-Process -Id $b.ProcessId
        $null = (Get-Process -Id $b.ProcessId -ErrorAction SilentlyContinue) | Wait-Process -Timeout 10 -ErrorAction SilentlyContinue
        $said = Stop-EmulatorVerbosely
        Get-CurrentBaseUri | Should -Be $script:A
        $said | Should -Match 'had already exited'
    }

    It 'leaves the connection of an emulator started since on the same port to that emulator' {
        $b = Start-PdEmulator -Path $script:Dll -Connect
        $port = $b.BaseUri.Port
        Stop-Process -Id $b.ProcessId
        $null = (Get-Process -Id $b.ProcessId -ErrorAction SilentlyContinue) | Wait-Process -Timeout 10 -ErrorAction SilentlyContinue
        $c = Start-PdEmulator -Path $script:Dll -Port $port -Connect
        Stop-PdEmulator -Emulator $b
        # C still runs and its connection stays; stopping C then hands back A, as B would have.
        Get-CurrentBaseUri | Should -Be $c.BaseUri.AbsoluteUri.TrimEnd('/')
        Stop-PdEmulator -Emulator $c
        Get-CurrentBaseUri | Should -Be $script:A
    }

    It 'warns when a connection made by hand still points at the emulator it stops' {
        $b = Start-PdEmulator -Path $script:Dll
        $null = Connect-PdAccount -BaseUri $b.BaseUri -ApiKey $b.ApiKey
        Stop-PdEmulator -Emulator $b -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -BeLike "The current connection still points at the emulator just stopped ($($b.BaseUri.GetLeftPart([UriPartial]::Authority))/v1*"
        # With -Connect it is handed back instead, and nothing is said.
        $null = Connect-TestAccount
        $c = Start-PdEmulator -Path $script:Dll -Connect
        Stop-PdEmulator -Emulator $c -WarningVariable quiet -WarningAction SilentlyContinue
        $quiet | Should -BeNullOrEmpty
    }

    It 'hands back when the runspace that started it closes, without Stop-PdEmulator' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$($env:PSPD_TEST_MODULE)'; (Start-PdEmulator -Path '$($script:Dll)' -Connect).BaseUri.AbsoluteUri")
            $inner = @($ps.Invoke())[0]
            $inner | Should -Not -BeNullOrEmpty
            Get-CurrentBaseUri | Should -Be $inner.TrimEnd('/') -Because 'the current connection is the whole process''s'
        }
        finally {
            $ps.Runspace.Close()
            $ps.Dispose()
        }
        Get-CurrentBaseUri | Should -Be $script:A
    }
}

Describe 'A failure test kept fast, as about_PSPipedream_Testing shows' {
    It 'with MaxRetries 0 on the emulator''s connection, a 503 storm fails after one attempt, and the setting goes back with the connection' {
        $null = Connect-TestAccount
        $null = Start-PdEmulator -Path $script:Dll -Connect
        try {
            $connection = Get-PdContext
            $connection.MaxRetries = 0
            Add-PdEmulatorFault -Path '/v1/users/me/sources*' -Status 503 -Count 10 | Out-Null
            $err = $null
            try { Get-PdSource -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'PdServerError,*'
            $err.Exception.Message | Should -BeLike '*after 1 attempt*'
            @(Get-PdEmulatorRequest -Path '/v1/users/me/sources*') | Should -HaveCount 1
        }
        finally { Stop-PdEmulator }
        (Get-PdContext).MaxRetries | Should -Be 3 -Because 'the console''s own connection was never changed'
    }
}
