# Reliability against the emulator's fault API: what is retried and how often (from the
# request log), that a POST is never sent twice after it may have taken effect, the waits
# honoured, and the ErrorId, category and console text each failure ends in.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # Backoff without Retry-After waits from 0 to 10 ms x 2^n instead of 1 s x 2^n (read when a connection is made).
    $script:SavedBase = $env:PSPD_TEST_RETRY_BASE_MS
    $env:PSPD_TEST_RETRY_BASE_MS = '10'
    $script:Setting = Get-EmulatorSetting


    # The API requests the emulator logged (the control API is not logged), oldest first.
    function Get-ApiRequest([string] $Path = '*', [string] $Method = '*') {
        @(Get-EmulatorRequest | Where-Object { $_.Path -like $Path -and $_.Method -like $Method })
    }

    # What the console shows for an error record, as one line (the view's wrapped lines and their "|" margin joined).
    function Get-ConsoleText($ErrorRecord) {
        (($ErrorRecord | Out-String -Width 4096) -replace '\r?\n\s*\|\s*', ' ') -replace '\s+', ' '
    }
}

AfterAll {
    $env:PSPD_TEST_RETRY_BASE_MS = $script:SavedBase
}

Describe 'Retries' -Tag Faults {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 3
    }

    BeforeEach {
        Clear-EmulatorFault
        $script:Connection = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'a 429 with Retry-After: 1 is waited out and then succeeds' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 429 -RetryAfter 1
        $sources = @(Get-PdSource)
        $sources.Count | Should -Be 3
        $log = Get-ApiRequest '/v1/users/me/sources'
        $log.Status | Should -Be 429, 200
        ($log[1].ReceivedAt - $log[0].ReceivedAt).TotalMilliseconds | Should -BeGreaterOrEqual 900
        ($log[1].ReceivedAt - $log[0].ReceivedAt).TotalMilliseconds | Should -BeLessThan 5000
    }

    It 'a Retry-After given as an HTTP date is honoured' {
        $at = [DateTimeOffset]::UtcNow.AddSeconds(2).ToString('r')
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me' -Status 503 -RetryAfter $at
        (Get-PdUser).Id | Should -Not -BeNullOrEmpty
        $log = Get-ApiRequest '/v1/users/me'
        $log.Status | Should -Be 503, 200
        ($log[1].ReceivedAt - $log[0].ReceivedAt).TotalMilliseconds | Should -BeGreaterOrEqual 500
    }

    It 'two 503s are retried with backoff and the third attempt succeeds, each retry on one -Verbose line' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 503 -Count 2
        $verbose = Get-PdSource -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        (Get-ApiRequest '/v1/users/me/sources').Status | Should -Be 503, 503, 200
        $retries = @($verbose | Where-Object { $_ -match '-> 503' })
        $retries.Count | Should -Be 2
        $retries[0] | Should -Match '^GET http://127\.0\.0\.1:\d+/v1/users/me/sources\?limit=100 -> 503 \(\d+ ms\); retrying in \d+\.\d s \(attempt 2 of 4\)$'
        $retries[1] | Should -Match '\(attempt 3 of 4\)$'
    }

    It 'a 500 that does not pass ends in PdServerError after 4 attempts, and the console says so' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 500 -Count 10
        $err = Get-PdErrorRecord { Get-PdSource }
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 4
        $err.FullyQualifiedErrorId | Should -Be 'PdServerError,PSPipedream.Cmdlets.GetPdSourceCommand'
        $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err.Exception.Attempts | Should -Be 4
        $err.Exception.StatusCode | Should -Be 500
        $err.Exception.ApiMessage | Should -Be 'injected fault'
        Get-ConsoleText $err | Should -Match 'GET /v1/users/me/sources\?limit=100 failed with 500 Internal Server Error after 4 attempts: injected fault\.'
    }

    It 'a transient 5xx on page 2 does not end an -All walk halfway' {
        $null = New-EmulatorSource -Count 250 -NamePrefix 'walk-'
        try {
            Clear-EmulatorRequest
            $seen = 0
            # The walk is lazy: a fault added while the first item is handled hits the second page.
            $all = @(Get-PdSource -All | ForEach-Object {
                if (++$seen -eq 1) { $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 502 -Count 1 }
                $_
            })
            $all.Count | Should -Be 253
            @($all.Id | Select-Object -Unique).Count | Should -Be 253
            (Get-ApiRequest '/v1/users/me/sources').Status | Should -Be 200, 502, 200, 200
        }
        finally { Reset-Emulator; $null = New-EmulatorSource -Count 3 }
    }

    It 'MaxRetries 0 sends once' {
        $connection = Connect-TestAccount
        $connection.MaxRetries = 0
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 503 -Count 5
        $err = Get-PdErrorRecord { Get-PdSource -Connection $connection }
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 1
        $err.Exception.Attempts | Should -Be 1
    }

    It 'a Retry-After longer than the connection waits fails at once with PdRateLimited' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 429 -RetryAfter 3600 -Count 5
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-PdErrorRecord { Get-PdSource }
        $watch.Stop()
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'PdRateLimited,*'
        $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err.Exception.RetryAfter | Should -Be ([TimeSpan]::FromHours(1))
        Get-ConsoleText $err | Should -Match 'asks to wait 3600 seconds before retrying, longer than this connection waits \(MaxRetryWaitSeconds 60\)'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'a reset connection on a GET is retried' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Abort -Count 2
        @(Get-PdSource).Count | Should -Be 3
        (Get-ApiRequest '/v1/users/me/sources').Status | Should -Be 0, 0, 200
    }

    It 'a cut-off 200 on a GET is retried' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Truncate -Count 1
        @(Get-PdSource).Count | Should -Be 3
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 2
    }

    It 'a GET that times out is retried; -TimeoutSeconds sets the time allowed' {
        $connection = Connect-TestAccount
        $connection.TimeoutSeconds = 1
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Delay 1500 -Count 1
        @(Get-PdSource -Connection $connection).Count | Should -Be 3
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -BeGreaterOrEqual 1
        # The timed-out attempt is logged when the emulator gives up on it; the retry answered.
        (Get-ApiRequest '/v1/users/me/sources' | Where-Object Status -eq 200).Count | Should -Be 1
    }
}

Describe 'A create is never sent twice' -Tag Faults {
    BeforeAll {
        Reset-Emulator
        $script:Component = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = 'export default { name: "fault-test", key: "fault-test", version: "0.0.1", async run() {} }' }).data
    }

    BeforeEach {
        Clear-EmulatorFault
        $script:Connection = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'after a 500 on POST /sources: one attempt, and the error says how to check' {
        $null = Add-EmulatorFault -Method POST -Path '/v1/sources' -Status 500 -Count 5
        $err = Get-PdErrorRecord { New-PdSource -ComponentId $Component.id -Name 'nightly-500' }
        (Get-ApiRequest '/v1/sources' POST).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'PdServerError,*'
        $text = Get-ConsoleText $err
        $text | Should -Match 'POST /v1/sources failed with 500 Internal Server Error after 1 attempt: injected fault\.'
        $text | Should -Match 'may have taken effect'
        $text | Should -Match ([regex]::Escape("Get-PdSource -Name 'nightly-500'"))
    }

    It 'after a reset on POST /webhooks: one attempt, PdConnectionFailed' {
        $null = Add-EmulatorFault -Method POST -Path '/v1/webhooks' -Abort -Count 5
        $err = Get-PdErrorRecord { New-PdWebhook -Url 'https://example.com/hook' }
        (Get-ApiRequest '/v1/webhooks' POST).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'PdConnectionFailed,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        Get-ConsoleText $err | Should -Match 'may have taken effect'
    }

    It 'after a timeout on POST /subscriptions: one attempt, PdTimeout' {
        $connection = Connect-TestAccount
        $connection.TimeoutSeconds = 1
        $null = Add-EmulatorFault -Method POST -Path '/v1/subscriptions' -Delay 1500 -Count 5
        $err = Get-PdErrorRecord { New-PdSubscription -EmitterId 'dc_*' -ListenerId p_abc123 -Connection $connection }
        Start-Sleep -Milliseconds 700
        (Get-ApiRequest '/v1/subscriptions' POST).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'PdTimeout,*'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-ConsoleText $err | Should -Match 'got no answer within 1 seconds, after 1 attempt'
    }

    It 'after a cut-off answer on POST /components: one attempt, PdInvalidResponse' {
        $null = Add-EmulatorFault -Method POST -Path '/v1/components' -Truncate -Count 5
        $err = Get-PdErrorRecord { New-PdComponent -Code 'export default { name: "x", version: "0.0.1", async run() {} }' }
        (Get-ApiRequest '/v1/components' POST).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidResponse,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidResult'
    }

    It 'a 429 on POST is retried: it certainly did not take effect, and the source is made once' {
        $null = Add-EmulatorFault -Method POST -Path '/v1/sources' -Status 429 -RetryAfter 1 -Count 1
        $source = New-PdSource -ComponentId $Component.id -Name 'after-429'
        $source.Id | Should -BeLike 'dc_*'
        (Get-ApiRequest '/v1/sources' POST).Status | Should -Be 429, 200
        @(Get-TestSource | Where-Object name -eq 'after-429').Count | Should -Be 1
    }
}

Describe 'Answers that cannot be what the API promises' -Tag Faults {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 250
    }

    BeforeEach {
        Clear-EmulatorFault
        $script:Connection = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It 'an HTML 200 is PdInvalidResponse after 4 attempts, described without its markup' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me' -NonJson -Count 10
        $err = Get-PdErrorRecord { Get-PdUser }
        (Get-ApiRequest '/v1/users/me').Count | Should -Be 4
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidResponse,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidResult'
        $text = Get-ConsoleText $err
        $text | Should -Match 'GET /v1/users/me answered 200 OK after 4 attempts, but with an HTML page instead of JSON: "502 Bad Gateway Bad Gateway"'
        $text | Should -Not -Match '<'
    }

    It 'an HTML 502 page is quoted without markup' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me' -NonJson -Status 502 -Count 10
        $err = Get-PdErrorRecord { Get-PdUser }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdServerError,*'
        $err.Exception.ApiMessage | Should -Be '502 Bad Gateway Bad Gateway'
        $text = Get-ConsoleText $err
        $text | Should -Match 'failed with 502 Bad Gateway after 4 attempts: an HTML page saying "502 Bad Gateway Bad Gateway"'
        $text | Should -Not -Match '<'
    }

    It 'a 200 without data on a create is PdInvalidResponse, and the next piped item is still sent' {
        $null = Add-EmulatorFault -Method POST -Path '/v1/webhooks' -NoData -Count 1
        $hooks = [pscustomobject]@{ Url = 'https://example.com/one' }, [pscustomobject]@{ Url = 'https://example.com/two' }
        $out = @($hooks | New-PdWebhook -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdInvalidResponse,*'
        $errs[0].Exception.Message | Should -Be 'POST /v1/webhooks?url=https%3A%2F%2Fexample.com%2Fone answered 200 OK without "data".'
        $out.Count | Should -Be 1
        $out[0].Url | Should -Be 'https://example.com/two'
    }

    It 'a repeating cursor ends an -All walk with PdInvalidResponse instead of looping' {
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -RepeatCursor -Count 100
        $out = @(Get-PdSource -All -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdInvalidResponse,*'
        $errs[0].Exception.Message | Should -Match 'which an earlier page already gave; stopped after \d+ items'
        (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 2
        # The second page's items were new and are written; its cursor is what stops the walk.
        $out.Count | Should -Be 200
    }
}

Describe 'One gate per connection' -Tag Faults {
    BeforeAll { Reset-Emulator }

    It 'after a 429 with Retry-After, a request from another runspace on the same connection waits too' {
        $connection = Connect-TestAccount
        Clear-EmulatorRequest
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 429 -RetryAfter 1 -Count 1
        $module = $env:PSPD_TEST_MODULE
        $null = 0, 1 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            if ($_ -eq 0) { Get-PdSource -Connection $using:connection }
            else { Start-Sleep -Milliseconds 300; Get-PdUser -Connection $using:connection }
        }
        $throttled = (Get-ApiRequest '/v1/users/me/sources')[0]
        $user = (Get-ApiRequest '/v1/users/me')[0]
        $throttled.Status | Should -Be 429
        ($user.ReceivedAt - $throttled.ReceivedAt).TotalMilliseconds | Should -BeGreaterOrEqual 900
        Clear-EmulatorFault
    }
}

Describe 'Settings' -Tag Faults {
    BeforeAll { Reset-Emulator }

    It 'Connect-PdAccount sets MaxRetries, MaxRetryWaitSeconds and TimeoutSeconds on the connection' {
        $c = Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri -PassThru -MaxRetries 5 -MaxRetryWaitSeconds 10 -TimeoutSeconds 7
        $c.MaxRetries | Should -Be 5
        $c.MaxRetryWaitSeconds | Should -Be 10
        $c.TimeoutSeconds | Should -Be 7
        $c.Timeout | Should -Be ([TimeSpan]::FromSeconds(7))
        $d = Connect-TestAccount
        $d.MaxRetries, $d.MaxRetryWaitSeconds, $d.TimeoutSeconds | Should -Be 3, 60, 60
    }

    It 'refuses out-of-range values on Connect-PdAccount before connecting' {
        Clear-EmulatorRequest
        foreach ($bad in @{ MaxRetries = 11 }, @{ MaxRetries = -1 }, @{ MaxRetryWaitSeconds = 3601 }, @{ TimeoutSeconds = 0 }, @{ TimeoutSeconds = 5184000 }) {
            { Connect-PdAccount -ApiKey (ConvertTo-TestSecureString $Setting.ApiKey) -BaseUri $Setting.BaseUri @bad } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,PSPipedream.Cmdlets.ConnectPdAccountCommand'
        }
        (Get-ApiRequest).Count | Should -Be 0
    }

    It 'refuses an out-of-range value when it is set on the connection, and keeps the old one' {
        $c = Connect-TestAccount
        { $c.TimeoutSeconds = 5184000 } | Should -Throw '*TimeoutSeconds must be from 1 to 3600*'
        { $c.Timeout = [TimeSpan]::FromDays(60) } | Should -Throw '*at most 3600 seconds*'
        { $c.MaxRetries = 11 } | Should -Throw '*MaxRetries must be from 0 to 10*'
        { $c.MaxRetryWaitSeconds = -1 } | Should -Throw '*MaxRetryWaitSeconds must be from 0 to 3600*'
        $c.TimeoutSeconds, $c.MaxRetries, $c.MaxRetryWaitSeconds | Should -Be 60, 3, 60
        (Get-PdUser -Connection $c).Id | Should -Not -BeNullOrEmpty
    }
}

Describe 'Ctrl+C and secrets during retries' -Tag Faults {
    BeforeAll {
        Reset-Emulator
        $null = New-EmulatorSource -Count 3
    }

    It 'Ctrl+C during a 30 s Retry-After ends the command at once, with no error record' {
        $connection = Connect-TestAccount
        Clear-EmulatorRequest
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 429 -RetryAfter 30 -Count 1
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("param(`$c) Import-Module '$($env:PSPD_TEST_MODULE)'; Get-PdSource -Connection `$c").AddArgument($connection)
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (-not (Get-ApiRequest '/v1/users/me/sources') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            (Get-ApiRequest '/v1/users/me/sources').Status | Should -Be 429
            Start-Sleep -Milliseconds 300
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
            (Get-ApiRequest '/v1/users/me/sources').Count | Should -Be 1
        }
        finally {
            $ps.Dispose()
            Clear-EmulatorFault
        }
    }

    It 'the API key appears nowhere while requests are retried under -Verbose -Debug' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("pspd-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Connect-TestAccount
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 503 -Count 2
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me' -Status 500 -Count 10
        $null = Start-Transcript -Path $transcript
        try {
            $all = & {
                Get-PdSource -Verbose -Debug
                Get-PdUser -Verbose -Debug -ErrorAction Continue
                try { Get-PdUser -Verbose -Debug -ErrorAction Stop }
                catch { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
            } *>&1 | Out-String -Width 4096
        }
        finally {
            $null = Stop-Transcript
            Clear-EmulatorFault
        }
        $all | Should -Match '-> 503 \(\d+ ms\); retrying in'
        $all | Should -Match 'after 4 attempts'
        $all | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
        Get-Content -Raw $transcript | Should -Not -Match ([regex]::Escape($Setting.ApiKey))
        Remove-Item $transcript
    }
}
