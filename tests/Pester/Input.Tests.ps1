# Input the module refuses before any request: free-form values (-Props, -Body, -Query) that
# hold themselves, nest too deep or are not data; ids that are too long or carry control
# characters; webhook URLs with white space, control characters or user info. The cases that
# used to end the whole process (a stack overflow cannot be caught) run in a child pwsh.

BeforeDiscovery {
    $script:SelfReferencing = '$h = @{ a = 1 }; $h.self = $h; '
    $script:Deep = '$h = @{}; $c = $h; for ($i = 0; $i -lt 20000; $i++) { $n = @{}; $c.a = $n; $c = $n }; '
    $script:IdCases = @(
        @{ Command = 'Get-PdSource'; Parameter = 'Id'; Prefix = 'dc_'; Extra = @{} }
        @{ Command = 'Remove-PdSource'; Parameter = 'Id'; Prefix = 'dc_'; Extra = @{ Force = $true } }
        @{ Command = 'Set-PdSource'; Parameter = 'Id'; Prefix = 'dc_'; Extra = @{ Name = 'n'; Confirm = $false } }
        @{ Command = 'Get-PdEvent'; Parameter = 'SourceId'; Prefix = 'dc_'; Extra = @{} }
        @{ Command = 'Remove-PdEvent'; Parameter = 'EventId'; Prefix = '1-'; Extra = @{ SourceId = 'dc_ok'; Force = $true } }
        @{ Command = 'Get-PdComponent'; Parameter = 'Key'; Prefix = ''; Extra = @{} }
        @{ Command = 'New-PdSource'; Parameter = 'ComponentId'; Prefix = 'sc_'; Extra = @{} }
        @{ Command = 'Remove-PdSubscription'; Parameter = 'EmitterId'; Prefix = 'dc_'; Extra = @{ ListenerId = 'p_x' } }
        @{ Command = 'New-PdSubscription'; Parameter = 'EventName'; Prefix = ''; Extra = @{ EmitterId = 'dc_x'; ListenerId = 'p_x' } }
        @{ Command = 'Remove-PdWebhook'; Parameter = 'Id'; Prefix = 'wh_'; Extra = @{ Force = $true } }
    )
}

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force


    # Runs $Command in a fresh pwsh that has imported the module, connected to the emulator and
    # cleared its request log. Returns the exit code and everything the child printed; the child
    # prints RESULT/PARAMETER/MESSAGE lines for the error it stopped with.
    function Invoke-ChildCommand([string] $Command) {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($env:PSPD_TEST_MODULE)'
Import-Module '$(Join-Path $PSScriptRoot 'TestHelpers.psm1')'
`$null = Connect-TestAccount
Clear-EmulatorRequest
try {
    $Command
    'RESULT: no error'
}
catch {
    'RESULT: ' + `$_.FullyQualifiedErrorId
    'PARAMETER: ' + `$_.Exception.ParameterName
    'MESSAGE: ' + `$_.Exception.Message
}
exit 0
"@
        $pwsh = @(Get-PwshCommand)
        $pre = @($pwsh | Select-Object -Skip 1)
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $output = & $pwsh[0] @pre -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }


    # Everything a user could see of an error record: its message, target and default view.
    function Get-ErrorRecordText($Record) {
        "$($Record.Exception.Message) | $($Record.TargetObject) | $($Record.CategoryInfo.GetMessage()) | $($Record | Out-String)"
    }

    $script:ControlPattern = '\p{Cc}'
}

Describe 'Free-form values that used to end the process' -Tag 'Faults' {
    BeforeAll { Reset-Emulator }

    It 'refuses <Name> with PdInvalidArgument naming -<Parameter>, exits normally and sends nothing' -TestCases @(
        @{ Name = 'a self-referencing hashtable in New-PdSource -Props'; Parameter = 'Props'; Expected = 'Props.self refers back to Props'
            Command = $SelfReferencing + 'New-PdSource -ComponentId sc_x -Props $h' }
        @{ Name = 'a self-referencing hashtable in Set-PdSource -Props'; Parameter = 'Props'; Expected = 'Props.self refers back to Props'
            Command = $SelfReferencing + 'Set-PdSource -Id dc_x -Props $h -Confirm:$false' }
        @{ Name = 'a self-referencing hashtable in Invoke-PdApi -Body'; Parameter = 'Body'; Expected = 'Body.self refers back to Body'
            Command = $SelfReferencing + 'Invoke-PdApi -Method POST -Path sources -Body $h -Confirm:$false' }
        @{ Name = 'a self-referencing PSCustomObject in Invoke-PdApi -Body'; Parameter = 'Body'; Expected = 'Body.inner.back refers back to Body'
            Command = '$o = [pscustomobject]@{ inner = [pscustomobject]@{ back = $null } }; $o.inner.back = $o; Invoke-PdApi -Method PUT -Path sources/dc_x -Body $o -Confirm:$false' }
        @{ Name = 'a hashtable nested 20,000 deep in New-PdSource -Props'; Parameter = 'Props'; Expected = 'is nested more than 64 levels deep'
            Command = $Deep + 'New-PdSource -ComponentId sc_x -Props $h' }
        @{ Name = 'a hashtable nested 20,000 deep in Invoke-PdApi -Body'; Parameter = 'Body'; Expected = 'is nested more than 64 levels deep'
            Command = $Deep + 'Invoke-PdApi -Method POST -Path sources -Body $h -Confirm:$false' }
        @{ Name = 'a Process inside -Props'; Parameter = 'Props'; Expected = 'Props.proc holds a System.Diagnostics.Process, which is not data'
            Command = 'New-PdSource -ComponentId sc_x -Props @{ proc = (Get-Process -Id $PID) }' }
        @{ Name = 'a ScriptBlock inside -Props'; Parameter = 'Props'; Expected = 'Props.timer.run holds a System.Management.Automation.ScriptBlock, which is not data'
            Command = 'Set-PdSource -Id dc_x -Props @{ timer = @{ run = { Remove-Item -Recurse ~ } } } -Confirm:$false' }
    ) {
        $result = Invoke-ChildCommand $Command

        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'RESULT: PdInvalidArgument'
        $result.Output | Should -Match "PARAMETER: $Parameter\b"
        $result.Output | Should -Match ([regex]::Escape("Cannot validate argument on parameter '$Parameter'."))
        $result.Output | Should -Match ([regex]::Escape($Expected))
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Free-form values refused in process' -Tag 'Faults' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'refuses a query value that is an object, naming -Query' {
        $err = Get-PdErrorRecord { Invoke-PdApi -Path 'users/me/sources' -Query @{ filter = @{ name = 'x' } } }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike "*'Query'*Query.filter holds a System.Collections.Hashtable*"
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a SecureString inside -Body without sending it' {
        $secret = ConvertTo-TestSecureString 'hunter2'
        $err = Get-PdErrorRecord { Invoke-PdApi -Method POST -Path 'sources' -Body @{ auth = @{ token = $secret } } -Confirm:$false }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -BeLike '*Body.auth.token holds a System.Security.SecureString, which is not data*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'still sends a value shared in several places, once per place' {
        $timer = @{ intervalSeconds = 60 }
        $null = Invoke-PdApi -Method POST -Path 'sources' -Confirm:$false -Body @{
            component_code   = 'module.exports = { name: "shared", version: "0.0.1", props: {}, run() {} }'
            configured_props = @{ a = $timer; b = @($timer, $timer) }
        }

        $body = @(Get-EmulatorRequest)[-1].Body | ConvertFrom-Json
        $body.configured_props.a.intervalSeconds | Should -Be 60
        @($body.configured_props.b.intervalSeconds) | Should -Be @(60, 60)
    }
}

Describe 'Ids that are too long or carry control characters' -Tag 'Faults' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It '<Command> -<Parameter> refuses an id over 1,000 characters before any request' -TestCases $IdCases {
        $params = $Extra.Clone()
        $params[$Parameter] = $Prefix + ('1234567890' * 100) + '1'
        $err = Get-PdErrorRecord { & $Command @params }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -Match "'$Parameter'"
        $err.Exception.Message | Should -Match '1,00[0-9] characters long; at most 1,000 are accepted'
        $err.Exception.Message.Length | Should -BeLessThan 400
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It '<Command> -<Parameter> refuses an id with control characters and does not echo them' -TestCases $IdCases {
        $params = $Extra.Clone()
        $params[$Parameter] = $Prefix + "1`e]0;owned`a`e[2J"
        $err = Get-PdErrorRecord { & $Command @params }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -Match "'$Parameter'"
        $err.Exception.Message | Should -Match 'contains a control character'
        $err.Exception.Message | Should -Match ([regex]::Escape('\u001b]0;owned\u0007'))
        $err.Exception.Message | Should -Not -Match $ControlPattern
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses bad piped ids one by one and still removes the good one' {
        $null = New-EmulatorSource -Count 1
        $id = @(Get-TestSource)[0].id
        Clear-EmulatorRequest

        $errs = $null
        $items = @(("dc_" + ('x' * 1200)), $id, "dc_a`e[31mred") | ForEach-Object { [pscustomobject]@{ Id = $_ } }
        $items | Remove-PdSource -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 2
        foreach ($e in $errs) {
            $e.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
            $e.Exception.Message | Should -Not -Match $ControlPattern
        }
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'DELETE'
        $requests[0].Path | Should -Be "/v1/sources/$id"
    }
}

Describe 'Webhook URLs with white space, control characters or user info' -Tag 'Faults' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'refuses <Name> before any request' -TestCases @(
        @{ Name = 'a leading space'; Url = ' https://hooks.example.com/in' }
        @{ Name = 'a trailing space'; Url = 'https://hooks.example.com/in ' }
        @{ Name = 'a space inside'; Url = 'https://hooks.example.com/a b' }
        @{ Name = 'a tab'; Url = "https://hooks.example.com/in`t" }
        @{ Name = 'a line break'; Url = "https://hooks.example.com/in`r`nX-Injected: 1" }
        @{ Name = 'an escape sequence'; Url = "https://hooks.example.com/`e[2J" }
    ) {
        $err = Get-PdErrorRecord { New-PdWebhook -Url $Url }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match "'Url'"
        $err.Exception.Message | Should -Match 'white space or a control character'
        $err.Exception.Message | Should -Not -Match $ControlPattern
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Invoke-TestApi -Path 'users/me/webhooks').data | Should -BeNullOrEmpty
    }

    It 'refuses user info in <Url> and never shows the password' -TestCases @(
        @{ Url = 'https://user:s3cret@hooks.example.com/in'; Shown = 'https://***@hooks.example.com/in' }
        @{ Url = 'https://s3cret@hooks.example.com/in'; Shown = 'https://***@hooks.example.com/in' }
        @{ Url = 'https://user:s3cret@hooks.example.com /in'; Shown = 'https://***@hooks.example.com /in' }
        @{ Url = 'ftp://user:s3cret@hooks.example.com/in'; Shown = 'ftp://***@hooks.example.com/in' }
    ) {
        $err = Get-PdErrorRecord { New-PdWebhook -Url $Url -Name 'leaky' }

        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        $err.Exception.Message | Should -Match "'Url'"
        $err.Exception.Message | Should -Match ([regex]::Escape("'$Shown'"))
        Get-ErrorRecordText $err | Should -Not -Match 's3cret'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses bad piped URLs one by one and creates the good one' {
        $errs = $null
        $rows = @(
            [pscustomobject]@{ Url = 'https://admin:s3cret@hooks.example.com/a'; Name = 'leaky' }
            [pscustomobject]@{ Url = 'https://hooks.example.com/ok'; Name = 'ok' }
            [pscustomobject]@{ Url = 'https://hooks.example.com/b '; Name = 'padded' }
        )
        $created = @($rows | New-PdWebhook -ErrorVariable errs -ErrorAction SilentlyContinue)

        $created.Count | Should -Be 1
        $created[0].Url | Should -Be 'https://hooks.example.com/ok'
        $errs.Count | Should -Be 2
        foreach ($e in $errs) {
            $e.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
            Get-ErrorRecordText $e | Should -Not -Match 's3cret'
        }
        @(Get-EmulatorRequest).Count | Should -Be 1
        @((Invoke-TestApi -Path 'users/me/webhooks').data).url | Should -Be @('https://hooks.example.com/ok')
    }
}
