# -ThrottleLimit: up to N items' requests in flight, output in input order, -WhatIf sending
# nothing, a failure that stays with its item, and early stops (Select-Object -First, Ctrl+C).
# What is counted comes from the emulator's request log; delays come from its delay fault.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emu = @{ Emulator = $env:PSPD_TEST_ROOT }
    $script:Quiet = @{ Emulator = $env:PSPD_TEST_ROOT; Confirm = $false; WhatIf = $false }

    # The most requests the emulator was working on at the same moment (from arrival times and durations).
    function Get-MostInFlight([object[]] $Requests) {
        $edges = foreach ($r in $Requests) {
            $start = $r.ReceivedAt.Ticks
            [pscustomobject]@{ At = $start; Step = 1 }
            [pscustomobject]@{ At = $start + [long]($r.DurationMs * [TimeSpan]::TicksPerMillisecond); Step = -1 }
        }
        $now = 0; $most = 0
        foreach ($edge in ($edges | Sort-Object At, Step)) {
            $now += $edge.Step
            if ($now -gt $most) { $most = $now }
        }
        $most
    }

    function Get-EventRequest { @(Get-PdEmulatorRequest @script:Emu -Method GET -Path '/v1/sources/*/event_summaries') }
}

AfterAll {
    Clear-PdEmulatorFault @script:Quiet
}

Describe '-ThrottleLimit on Get-PdEvent' {
    BeforeAll {
        Reset-Emulator
        $null = Add-PdEmulatorSource @script:Quiet -Count 12
        $null = Connect-TestAccount
        $script:Sources = @(Get-PdSource -All)
        # Source n has n events, so each source's part of the output can be told apart.
        for ($i = 0; $i -lt $script:Sources.Count; $i++) {
            $null = Send-PdEmulatorEvent @script:Quiet -EmitterId $script:Sources[$i].Id -Event @{ n = $i } -Count ($i + 1)
        }
    }

    BeforeEach {
        Clear-PdEmulatorFault @script:Quiet
        Clear-PdEmulatorRequest @script:Quiet
    }

    It 'writes the events source by source, in input order, even when the first source answers last' {
        $first = $script:Sources[0].Id
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path "/v1/sources/$first/event_summaries" -Delay 400
        $events = @($script:Sources | Get-PdEvent -ThrottleLimit 6)
        $expected = @(for ($i = 0; $i -lt $script:Sources.Count; $i++) { @($script:Sources[$i].Id) * ($i + 1) })
        @($events.SourceId) | Should -Be $expected
        $sequential = @($script:Sources | Get-PdEvent)
        @($events.Id) | Should -Be @($sequential.Id)
        # The slow source was asked first, but later sources were answered before it.
        $log = Get-EventRequest | Where-Object Path -NE "/v1/sources/$first/event_summaries"
        @($log | Where-Object { $_.ReceivedAt -lt (Get-EventRequest)[0].ReceivedAt.AddMilliseconds(300) }).Count | Should -BeGreaterThan 1
    }

    It 'has at most N requests in flight, and more than one' {
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path '/v1/sources/*/event_summaries' -Delay 150 -Count 100
        $events = @($script:Sources | Get-PdEvent -ThrottleLimit 3)
        $events.Count | Should -Be 78
        $log = Get-EventRequest
        $log.Count | Should -Be 12
        $most = Get-MostInFlight $log
        $most | Should -BeLessOrEqual 3
        $most | Should -BeGreaterThan 1
    }

    It 'sends one request per source, as without it' {
        $null = $script:Sources | Get-PdEvent -ThrottleLimit 8
        $log = Get-EventRequest
        $log.Count | Should -Be 12
        @($log.Path | Sort-Object -Unique).Count | Should -Be 12
    }

    It 'reads further pages of a source in its turn (-PageSize 2 -All)' {
        $events = @($script:Sources[0..3] | Get-PdEvent -ThrottleLimit 4 -PageSize 2 -All)
        @($events.SourceId) | Should -Be @(@($script:Sources[0].Id) * 1 + @($script:Sources[1].Id) * 2 + @($script:Sources[2].Id) * 3 + @($script:Sources[3].Id) * 4)
        # 1 + 1 + 2 + 2 pages: total_count says when a source's list is done.
        (Get-EventRequest).Count | Should -Be 6
    }

    It 'makes a failing source an error about that source alone' {
        $bad = $script:Sources[1].Id
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path "/v1/sources/$bad/event_summaries" -Status 404
        $events = @($script:Sources[0..3] | Get-PdEvent -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $bad
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        @($events.SourceId | Select-Object -Unique) | Should -Be @($script:Sources[0].Id, $script:Sources[2].Id, $script:Sources[3].Id)
    }

    It 'stops sending once Select-Object -First has what it wants' {
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path '/v1/sources/*/event_summaries' -Delay 100 -Count 100
        $one = @($script:Sources | Get-PdEvent -ThrottleLimit 4 | Select-Object -First 1)
        $one.Count | Should -Be 1
        $one[0].SourceId | Should -Be $script:Sources[0].Id
        Start-Sleep -Milliseconds 300
        (Get-EventRequest).Count | Should -BeLessOrEqual 4
    }

    It 'writes every -Verbose line whole, on the pipeline thread' {
        $lines = @($script:Sources | Get-PdEvent -ThrottleLimit 8 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $requests = @($lines | Where-Object { $_ -like 'GET *' })
        $requests.Count | Should -Be 12
        foreach ($line in $requests) { $line | Should -Match '^GET http://127\.0\.0\.1:\d+/v1/sources/dc_\w+/event_summaries\?limit=100 -> 200 \(\d+ ms\)$' }
    }

    It 'ends at once on Ctrl+C, with every request in flight cancelled and no error record' {
        $connection = Connect-TestAccount
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path '/v1/sources/*/event_summaries' -Delay 20000 -Count 100
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("param(`$c, `$s) Import-Module '$($env:PSPD_TEST_MODULE)'; `$s | Get-PdEvent -ThrottleLimit 8 -Connection `$c").
                AddArgument($connection).AddArgument($script:Sources)
            $null = $ps.BeginInvoke()
            # Requests are logged as their answers start, so the emulator's view of "in flight" is not in the log yet:
            # wait until the command has had time to send its eight.
            Start-Sleep -Milliseconds 1500
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
            Clear-PdEmulatorFault @script:Quiet
        }
    }
}

Describe '-ThrottleLimit on the change cmdlets' {
    BeforeEach {
        Reset-Emulator
        $null = Add-PdEmulatorSource @script:Quiet -Count 10
        $null = Connect-TestAccount
        $script:Sources = @(Get-PdSource -All)
        Clear-PdEmulatorRequest @script:Quiet
    }

    It 'Remove-PdSource -WhatIf sends nothing' {
        $script:Sources | Remove-PdSource -ThrottleLimit 8 -WhatIf
        $script:Sources | Disable-PdSource -ThrottleLimit 8 -WhatIf
        $script:Sources | Remove-PdEvent -All -ThrottleLimit 8 -WhatIf
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
        (Get-PdSource -All).Count | Should -Be 10
    }

    It 'Remove-PdSource -Force deletes each source with one request, with a gone one an error about it alone' {
        $gone = $script:Sources[4].Id
        Remove-PdSource -Id $gone -Force
        Clear-PdEmulatorRequest @script:Quiet
        $script:Sources | Remove-PdSource -Force -ThrottleLimit 8 -ErrorVariable failures -ErrorAction SilentlyContinue
        $deletes = @(Get-PdEmulatorRequest @script:Emu -Method DELETE)
        $deletes.Count | Should -Be 10
        @($deletes.Path | Sort-Object -Unique).Count | Should -Be 10
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $gone
        @(Get-PdSource -All).Count | Should -Be 0
    }

    It 'Set-PdSource -PassThru writes the updated sources in input order' {
        $first = $script:Sources[0].Id
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path "/v1/sources/$first" -Delay 300
        $updated = @($script:Sources | Disable-PdSource -ThrottleLimit 5 -PassThru)
        @($updated.Id) | Should -Be @($script:Sources.Id)
        @($updated | Where-Object Active -EQ $false).Count | Should -Be 10
        @(Get-PdEmulatorRequest @script:Emu -Method PUT).Count | Should -Be 10
    }

    It 'New-PdSubscription writes the subscriptions in input order' {
        $workflow = New-PdEmulatorWorkflow @script:Quiet
        $subscriptions = @($script:Sources | New-PdSubscription -ListenerId $workflow.Id -ThrottleLimit 4)
        @($subscriptions.EmitterId) | Should -Be @($script:Sources.Id)
        @(Get-PdEmulatorRequest @script:Emu -Method POST -Path '/v1/subscriptions').Count | Should -Be 10
        $subscriptions | Remove-PdSubscription -ThrottleLimit 4
        @(Get-PdEmulatorRequest @script:Emu -Method DELETE -Path '/v1/subscriptions').Count | Should -Be 10
        @(Get-PdSubscription -All).Count | Should -Be 0
    }

    It 'refuses a limit outside 1 to 32 before any request' {
        { $script:Sources | Remove-PdSource -Force -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { $script:Sources | Get-PdEvent -ThrottleLimit 33 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
    }
}

Describe '-ThrottleLimit when the command ends early' {
    BeforeEach {
        Reset-Emulator
        $null = Add-PdEmulatorSource @script:Quiet -Count 8
        $null = Connect-TestAccount
        $script:Sources = @(Get-PdSource -All)
        Clear-PdEmulatorFault @script:Quiet
        Clear-PdEmulatorRequest @script:Quiet
    }

    AfterEach {
        Clear-PdEmulatorFault @script:Quiet
    }

    It 'writes a refused item''s error in its turn, after the output of the items before it' {
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path '/v1/sources/*' -Delay 300 -Count 100
        $items = @($script:Sources[0], [pscustomobject]@{ Id = 'bad' }, $script:Sources[1], $script:Sources[2])
        $records = @($items | Disable-PdSource -PassThru -ThrottleLimit 4 2>&1)
        $records.Count | Should -Be 4
        $records[0].Id | Should -Be $script:Sources[0].Id
        $records[1] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $records[1].FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        @($records[2..3].Id) | Should -Be @($script:Sources[1].Id, $script:Sources[2].Id)
    }

    It 'with -ErrorAction Stop, finishes and writes the items in flight before a refused item stops it' {
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path '/v1/sources/*' -Delay 300 -Count 100
        $items = @($script:Sources[0..2]) + [pscustomobject]@{ Id = 'bad' } + @($script:Sources[3])
        $written = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { $items | Disable-PdSource -PassThru -ThrottleLimit 4 -ErrorAction Stop | ForEach-Object { $written.Add($_) } }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        @($written.Id) | Should -Be @($script:Sources[0..2].Id)
        # Every change sent was answered (a request cut off is logged with status 0); the one after the refusal was never sent.
        $puts = @(Get-PdEmulatorRequest @script:Emu -Method PUT)
        @($puts.Path | Sort-Object) | Should -Be @($script:Sources[0..2] | ForEach-Object { "/v1/sources/$($_.Id)" } | Sort-Object)
        @($puts | Where-Object Status -NE 200).Count | Should -Be 0
        @(Get-PdSource -All | Where-Object Active -EQ $false).Count | Should -Be 3
    }

    It 'with -ErrorAction Stop, an API failure lets the changes in flight end, writes them and names them' {
        $bad = $script:Sources[0].Id
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path "/v1/sources/$bad" -Status 404
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path '/v1/sources/*' -Delay 300 -Count 100
        $written = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try {
            $script:Sources[0..3] | Disable-PdSource -PassThru -ThrottleLimit 4 -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue |
                ForEach-Object { $written.Add($_) }
        }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $caught.TargetObject | Should -Be $bad
        $rest = @($script:Sources[1..3].Id)
        @(Get-PdEmulatorRequest @script:Emu -Method PUT | Where-Object Path -NE "/v1/sources/$bad" | Where-Object Status -EQ 200).Count | Should -Be 3
        @(Get-PdSource -Id $rest | Where-Object Active -EQ $false).Count | Should -Be 3
        @($written.Id) | Should -Be $rest
        # Named as the prompts name them: the id, and the name of the piped source.
        "$warnings" | Should -Be ('3 changes already sent were completed: ' + (($script:Sources[1..3] | ForEach-Object { "$($_.Id) ($($_.Name))" }) -join ', '))
    }

    It 'completes the changes in flight when Select-Object -First stops the pipeline, and names the ones not written' {
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path '/v1/sources/*' -Delay 300 -Count 100
        $one = @($script:Sources | Disable-PdSource -PassThru -ThrottleLimit 8 -WarningVariable warnings -WarningAction SilentlyContinue |
            Select-Object -First 1)
        $one.Count | Should -Be 1
        $one[0].Id | Should -Be $script:Sources[0].Id
        $puts = @(Get-PdEmulatorRequest @script:Emu -Method PUT)
        $puts.Count | Should -Be 8
        @($puts | Where-Object Status -NE 200).Count | Should -Be 0
        @(Get-PdSource -All | Where-Object Active -EQ $false).Count | Should -Be 8
        "$warnings" | Should -Be ('7 changes already sent were completed: ' + (($script:Sources[1..7] | ForEach-Object { "$($_.Id) ($($_.Name))" }) -join ', '))
    }

    It 'cancels the changes in flight on Ctrl+C and names them' {
        $connection = Connect-TestAccount
        $null = Add-PdEmulatorFault @script:Quiet -Method PUT -Path '/v1/sources/*' -Delay 20000 -Count 100
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("param(`$c, `$s) Import-Module '$($env:PSPD_TEST_MODULE)'; `$s | Disable-PdSource -ThrottleLimit 4 -Connection `$c").
                AddArgument($connection).AddArgument($script:Sources[0..3])
            $null = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
            "$($ps.Streams.Warning)" | Should -Be ('Stopped while 4 changes were in flight; they may or may not have been made: ' + (($script:Sources[0..3] | ForEach-Object { "$($_.Id) ($($_.Name))" }) -join ', '))
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe '-ThrottleLimit under a 429 storm' {
    BeforeAll {
        Reset-Emulator
        $null = Add-PdEmulatorSource @script:Quiet -Count 100
        # Backoff from 50 to 100 ms x 2^n instead of whole seconds (read when a connection is made).
        $script:SavedBase = $env:PSPD_TEST_RETRY_BASE_MS
        $env:PSPD_TEST_RETRY_BASE_MS = '100'
    }

    AfterAll {
        $env:PSPD_TEST_RETRY_BASE_MS = $script:SavedBase
        Clear-PdEmulatorFault @script:Quiet
    }

    It 'thins the herd, says so, and stops starting items once only 429s have come for longer than a request waits' {
        $connection = Connect-TestAccount
        $connection.MaxRetryWaitSeconds = 2
        $sources = @(Get-PdSource -All -Connection $connection)
        Clear-PdEmulatorRequest @script:Quiet
        $null = Add-PdEmulatorFault @script:Quiet -Method GET -Path '/v1/sources/*/event_summaries' -Status 429 -Count 100000

        $err = $null
        $verbose = @(& {
                try { $sources | Get-PdEvent -ThrottleLimit 32 -Connection $connection -ErrorAction SilentlyContinue -Verbose }
                catch { $script:StormError = $_ }
            } 4>&1)
        $err = $script:StormError

        $err.FullyQualifiedErrorId | Should -BeLike 'PdRateLimited*'
        $err.Exception.Message | Should -Match "^Stopped before dc_.*nothing but 429 .* this one and any after it were not sent\.$"
        $sent = @(Get-EventRequest)
        # Not every source was tried: the input was not burnt through.
        @($sent.Path | Select-Object -Unique).Count | Should -BeLessThan 100
        # How far it drops depends on how many were in flight when the first 429 came back (at most 32).
        @($verbose.Message -match '-> 429 .*; the API is throttling: at most (1 request|([2-9]|1[0-6]) requests) at once on this connection until it recovers$').Count |
            Should -BeGreaterOrEqual 1
        # After the first burst of 32, no wave of that size came back: at most 16 arrived in any 50 ms.
        $later = @($sent | Select-Object -Skip 32)
        $mostIn50ms = 0
        foreach ($r in $later) {
            $n = @($later | Where-Object { $_.ReceivedAt -ge $r.ReceivedAt -and $_.ReceivedAt -lt $r.ReceivedAt.AddMilliseconds(50) }).Count
            if ($n -gt $mostIn50ms) { $mostIn50ms = $n }
        }
        $mostIn50ms | Should -BeLessOrEqual 16
    }
}
