# -Debug never stops to ask. PowerShell 7 turns -Debug given alone into "inquire" for verbose
# and warning records, which prompts at each one and throws in a session without a console; the
# module writes its request lines and warnings to the debug stream instead. These run in a child
# pwsh with no console: -NonInteractive, standard input redirected, connected through the
# environment as a scheduled script would be.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Quiet = @{ Emulator = $env:PSPD_TEST_ROOT; Confirm = $false; WhatIf = $false }

    # Runs $Command in a child pwsh with no console and returns every line it printed. The command's
    # records are merged into the output as "<TYPE>: <text>" lines, so the stream of each shows.
    function Invoke-Unattended([string] $Command) {
        $setting = Get-EmulatorSetting
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($setting.Module)'
try {
    & { $Command } *>&1 | ForEach-Object {
        switch (`$_) {
            { `$_ -is [System.Management.Automation.DebugRecord] } { 'DEBUG: ' + `$_.Message; break }
            { `$_ -is [System.Management.Automation.VerboseRecord] } { 'VERBOSE: ' + `$_.Message; break }
            { `$_ -is [System.Management.Automation.WarningRecord] } { 'WARNING: ' + `$_.Message; break }
            { `$_ -is [System.Management.Automation.ErrorRecord] } { 'ERROR: ' + `$_; break }
            default { 'OUTPUT: ' + `$_ }
        }
    }
    'RESULT: no error'
}
catch {
    'RESULT: ' + `$_.Exception.GetType().Name + ': ' + `$_
}
"@
        $pwsh = @(Get-PwshCommand)
        $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-EncodedCommand',
                [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script)))) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $psi.Environment['PIPEDREAM_API_KEY'] = $setting.ApiKey
        $psi.Environment['PIPEDREAM_BASE_URL'] = $setting.BaseUri
        $null = $psi.Environment.Remove('PIPEDREAM_ORG_ID')
        $process = [System.Diagnostics.Process]::Start($psi)
        try {
            $process.StandardInput.Close()
            $stderr = $process.StandardError.ReadToEndAsync()
            $stdout = $process.StandardOutput.ReadToEnd()
            if (-not $process.WaitForExit(60000)) { throw 'The child pwsh did not end within 60 s.' }
            @($stdout -split '\r?\n' | Where-Object { $_ }) + @($stderr.Result -split '\r?\n' | Where-Object { $_ })
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.Dispose()
        }
    }
}

Describe '-Debug in a session without a console' {
    BeforeAll {
        Reset-Emulator
        # One more than a page, so a plain Get-PdSource warns that it shows only the first 100.
        $null = Add-PdEmulatorSource @script:Quiet -Count 101
    }

    It 'Get-PdSource -Debug writes its request line, body and warning as debug lines, and never prompts' {
        $lines = Invoke-Unattended 'Get-PdSource -Debug | Select-Object -Last 1 | ForEach-Object Name'
        $lines | Should -Contain 'RESULT: no error'
        $lines | Should -Contain 'OUTPUT: seed-100'
        @($lines -match '^DEBUG: GET http://127\.0\.0\.1:\d+/v1/users/me/sources\?limit=100 -> 200 \(\d+ ms\)$').Count | Should -Be 1
        @($lines -match '^DEBUG: Response body: \{"page_info"').Count | Should -Be 1
        $lines | Should -Contain 'DEBUG: WARNING: Showing 100 of 101 sources. Use -All for every one, or -First <n>.'
        @($lines -match '^(VERBOSE|WARNING): ').Count | Should -Be 0
    }

    It 'a change cmdlet and Invoke-PdApi with -Debug do not prompt either' {
        $lines = Invoke-Unattended 'Get-PdSource -First 1 | Disable-PdSource -Debug -Confirm:$false; Invoke-PdApi users/me -Debug | ForEach-Object id'
        $lines | Should -Contain 'RESULT: no error'
        @($lines -match '^DEBUG: PUT http://127\.0\.0\.1:\d+/v1/sources/dc_\w+ -> 200').Count | Should -Be 1
        @($lines -match '^DEBUG: Request body: \{"active":false\}$').Count | Should -Be 1
        $lines | Should -Contain 'OUTPUT: u_emulator'
    }

    It 'Connect-PdAccount and Disconnect-PdAccount with -Debug do not prompt' {
        $lines = Invoke-Unattended 'Connect-PdAccount -Debug; Disconnect-PdAccount -Debug'
        $lines | Should -Contain 'RESULT: no error'
        @($lines -match '^DEBUG: Connected as ').Count | Should -Be 1
        @($lines -match '^DEBUG: Disconnected ').Count | Should -Be 1
        @($lines -match '^(VERBOSE|WARNING): ').Count | Should -Be 0
    }
}
