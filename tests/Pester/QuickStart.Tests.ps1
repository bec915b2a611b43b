# README.md as a newcomer meets it: the Quick start's PowerShell block, run exactly as written in a
# fresh pwsh whose home is a temporary folder, against the packages in out/packages installed there
# as the Install section says (the module with PSResourceGet, the emulator with dotnet tool install
# --global, not on PATH); its code blocks marked for their shell and written for Windows PowerShell
# 5.1 too; and the Configuration section's SecretManagement lines. The install test is tagged
# Package: `build.ps1 -Task Test -NoPackage` writes no packages and leaves it out.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Readme = Get-Content (Join-Path $PSScriptRoot '../../README.md')
    $script:Packages = Join-Path (Split-Path (Split-Path $env:PSPD_TEST_MODULE)) 'packages'
    $script:Temp = [System.Collections.Generic.List[string]]::new()

    # The fenced code blocks of the README section whose heading starts with $Heading ('## ...'),
    # each as its info string (Language) and its text (Code).
    function Get-ReadmeBlock([string] $Heading) {
        $start = 0
        while ($start -lt $script:Readme.Count -and -not $script:Readme[$start].StartsWith($Heading)) { $start++ }
        if ($start -eq $script:Readme.Count) { throw "README.md has no section '$Heading'." }
        $level = ($Heading -split ' ')[0]
        $blocks = [System.Collections.Generic.List[object]]::new()
        $open = $null
        for ($i = $start + 1; $i -lt $script:Readme.Count; $i++) {
            $line = $script:Readme[$i]
            if (-not $open -and $line -match "^#{1,$($level.Length)} ") { break }
            if ($line -match '^```(.*)$') {
                if ($open) {
                    $blocks.Add([pscustomobject]@{ Language = $open.Language; Code = $open.Lines -join "`n" })
                    $open = $null
                }
                else { $open = @{ Language = $Matches[1].Trim(); Lines = [System.Collections.Generic.List[string]]::new() } }
            }
            elseif ($open) { $open.Lines.Add($line) }
        }
        $blocks
    }

    # What Windows PowerShell 5.1 does not parse, though PowerShell 7 does: && and ||, the ternary
    # operator, ?? and ??=, ?. and ?[].
    function Get-Ps7OnlySyntax([string] $Code) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        if ($errors) { return @($errors | ForEach-Object { "parse error: $($_.Message)" }) }
        @($ast.FindAll({
                    param($node)
                    $node.GetType().Name -in 'PipelineChainAst', 'TernaryExpressionAst' -or
                    ($node -is [System.Management.Automation.Language.BinaryExpressionAst] -and "$($node.Operator)" -eq 'QuestionQuestion') -or
                    ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and "$($node.Operator)" -eq 'QuestionQuestionEquals') -or
                    ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional)
                }, $true) | ForEach-Object { $_.Extent.Text })
    }
}

BeforeDiscovery {
    $Sections = '## Install', '## Quick start', '## Configuration', '### Testing your own scripts'
}

AfterAll {
    foreach ($dir in $script:Temp) { Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue }
}

Describe 'The README''s code blocks' {
    It 'marks every block of <_> with the shell it is written for' -ForEach $Sections {
        $blocks = @(Get-ReadmeBlock $_)
        $blocks | Should -Not -BeNullOrEmpty
        foreach ($block in $blocks) {
            $block.Language | Should -BeIn 'powershell', 'sh', 'cmd' -Because "each block says which shell runs it:`n$($block.Code)"
        }
    }

    It 'writes the PowerShell blocks of <_> for Windows PowerShell 5.1 as well as 7' -ForEach $Sections {
        foreach ($block in @(Get-ReadmeBlock $_ | Where-Object Language -eq 'powershell')) {
            Get-Ps7OnlySyntax $block.Code | Should -BeNullOrEmpty -Because "Windows PowerShell 5.1 runs it too:`n$($block.Code)"
        }
    }

    It 'the Quick start starts the emulator from PowerShell, seeds it with Add-PdEmulatorSource and stops it' {
        $quick = @(Get-ReadmeBlock '## Quick start' | Where-Object Language -eq 'powershell')[0].Code
        $lines = @($quick -split "`n" | Where-Object { $_ -match '\S' -and $_ -notmatch '^\s*#' })
        $lines[0] | Should -Be 'Import-Module PSPipedream'
        $lines[1] | Should -Match '^Start-PdEmulator -Connect\b'
        $quick | Should -Match '(?m)^Add-PdEmulatorSource -Count \d+'
        $quick | Should -Not -Match 'Invoke-RestMethod'
        $lines[-1] | Should -Match '^Stop-PdEmulator\b'
    }
}

Describe 'The Quick start, run as written against the installed packages' -Tag 'Package' {
    # On Windows, PSResourceGet finds the user's module folder through the shell, not the
    # environment, so a temporary home cannot hold what it installs (as in Package.Tests.ps1).
    It 'installs both packages in a clean home, finds pd-emulator off PATH, runs every line, and leaves no connection behind' -Skip:$IsWindows {
        $quick = @(Get-ReadmeBlock '## Quick start' | Where-Object Language -eq 'powershell')[0].Code
        $tempHome = Join-Path ([IO.Path]::GetTempPath()) ('pspd-quickstart-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Force $tempHome
        $script:Temp.Add($tempHome)
        $repo = Join-Path $tempHome 'repo'
        $null = New-Item -ItemType Directory -Force $repo
        Copy-Item (Join-Path $script:Packages 'PSPipedream.*.nupkg') $repo -Exclude 'PSPipedream.Emulator.*'
        $config = Join-Path $tempHome 'nuget.config'
        # No package source but out/packages: nothing comes from a feed.
        Set-Content -Path $config -Encoding utf8 -Value '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>'

        $install = @"
`$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; `$env:DOTNET_NOLOGO = '1'
foreach (`$name in 'DOTNET_CLI_HOME', 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL', 'PIPEDREAM_ORG_ID') { Remove-Item "env:`$name" -ErrorAction SilentlyContinue }
Unregister-PSResourceRepository -Name PSGallery -ErrorAction SilentlyContinue
Register-PSResourceRepository -Name PSPipedreamLocal -Uri '$repo' -Trusted
Install-PSResource PSPipedream -Repository PSPipedreamLocal
`$said = & dotnet tool install --global PSPipedream.Emulator --add-source '$($script:Packages)' --configfile '$config' 2>&1
if (`$LASTEXITCODE -ne 0) { throw "dotnet tool install failed: `$said" }
# A user's PATH lacks the tools folder, and the build machine's may name another pd-emulator.
`$env:PATH = @(`$env:PATH -split [IO.Path]::PathSeparator | Where-Object { `$_ -and -not (Test-Path (Join-Path `$_ 'pd-emulator')) }) -join [IO.Path]::PathSeparator
"@
        $report = @'

[ordered]@{
    ToolInHome    = Test-Path (Join-Path $HOME '.dotnet/tools/pd-emulator')
    ToolOnPath    = [bool] (Get-Command pd-emulator -ErrorAction SilentlyContinue)
    ModuleBase    = (Get-Module PSPipedream).ModuleBase
    Connected     = [bool] (Get-PdContext)
    Running       = @(Get-Process -Name pd-emulator, PSPipedream.Emulator -ErrorAction SilentlyContinue |
        Where-Object { $_.Parent.Id -eq $PID }).Count
} | ConvertTo-Json -Compress
'@
        $seen = $null
        $result = Invoke-IsolatedScript $tempHome ($install + "`n" + $quick + "`n" + $report) -Output ([ref] $seen)

        $result.ToolInHome | Should -BeTrue -Because 'dotnet tool install --global put pd-emulator in ~/.dotnet/tools'
        $result.ToolOnPath | Should -BeFalse -Because 'Start-PdEmulator had to find it without PATH'
        $result.ModuleBase | Should -BeLike "$tempHome*" -Because 'the installed module ran, not the build output'
        $result.Connected | Should -BeFalse -Because 'Stop-PdEmulator left no connection, as there was none before'
        $result.Running | Should -Be 0 -Because 'Stop-PdEmulator ended the emulator'
        # What the user sees: the What-if line, the disabled sources, all 30 counted.
        $seen = $seen -replace "\e\[[0-9;]*m", ''
        $seen | Should -Match 'What if: .*dc_'
        $seen | Should -Match 'Count\s*:\s*30'
    }
}

Describe 'The Configuration section''s SecretManagement lines' {
    BeforeAll {
        Import-Module $env:PSPD_TEST_MODULE -Force
        $script:Setting = Get-EmulatorSetting
        $script:SecretBlocks = @(Get-ReadmeBlock '## Configuration' | Where-Object { $_.Language -eq 'powershell' -and $_.Code -match 'Get-Secret' })
        $script:SavedBaseUrl = $env:PIPEDREAM_BASE_URL
        # The README's lines have no -BaseUri: the real API unless the environment names another.
        $env:PIPEDREAM_BASE_URL = $script:Setting.BaseUri
    }

    AfterAll {
        if ($null -ne $script:SavedBaseUrl) { $env:PIPEDREAM_BASE_URL = $script:SavedBaseUrl }
        else { Remove-Item env:PIPEDREAM_BASE_URL -ErrorAction SilentlyContinue }
        $null = Connect-TestAccount
    }

    BeforeEach { Disconnect-PdAccount }

    # Get-Secret as SecretManagement's is for a secret stored as a SecureString: the SecureString
    # itself (the module is not installed here, and nothing is installed from a gallery).
    It 'connects with the key Get-Secret returns as a SecureString: <_>' -ForEach @(0, 1) {
        $script:SecretBlocks.Count | Should -Be 2 -Because 'the section shows the one-liner and the profile form'
        function Get-Secret {
            param([Parameter(Mandatory, Position = 0)] [string] $Name)
            if ($Name -ne 'pipedream') { throw "no secret $Name" }
            ConvertTo-SecureString $script:Setting.ApiKey -AsPlainText -Force
        }
        $code = $script:SecretBlocks[$_].Code
        $warnings = @(. ([scriptblock]::Create($code)) 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings | Should -BeNullOrEmpty
        (Get-PdContext).UserId | Should -Be 'u_emulator'
        (Get-PdContext).KeySource | Should -Be 'Parameter'
    }

    It 'the profile form warns, and the session starts, when the vault is locked' {
        function Get-Secret {
            param([Parameter(Position = 0)] [string] $Name)
            Write-Error 'A valid password is required to access the Microsoft.PowerShell.SecretStore vault.'
        }
        $code = $script:SecretBlocks[1].Code
        $warnings = @(. ([scriptblock]::Create($code)) 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        "$($warnings[0])" | Should -BeLike 'Not connected to Pipedream: A valid password is required*'
        Get-PdContext | Should -BeNullOrEmpty
    }
}
