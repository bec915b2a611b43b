# -Wait on Get-PdEvent, Get-PdWorkflowEvent and Get-PdWorkflowError: live following against the
# emulator. While a wait blocks the test, a thread job plays the world: it watches the emulator's
# request log and, after a given number of polls, emits events, adds faults or deletes a source.
# Every wait polls each second and has a -Timeout, so a failing test ends on its own.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Setting = Get-EmulatorSetting

    # The world's side of a test, run in a thread job. Each step waits until the emulator has
    # answered After polls on Path (with Status, when given), then does one thing.
    $script:WorldScript = {
        param([string] $Module, [string] $Root, [string] $ApiBase, [string] $ApiKey, [object[]] $Steps)
        Import-Module $Module
        $control = @{ Emulator = $Root; Confirm = $false; WhatIf = $false; ErrorAction = 'Stop' }
        foreach ($step in $Steps) {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($true) {
                $seen = @(Get-PdEmulatorRequest -Emulator $Root -Method GET -Path $step.Path -ErrorAction Stop |
                    Where-Object { -not $step.ContainsKey('Status') -or $_.Status -eq $step.Status })
                if ($seen.Count -ge $step.After) { break }
                if ([DateTime]::UtcNow -gt $deadline) { throw "No $($step.After) polls of $($step.Path) came within 30 s." }
                Start-Sleep -Milliseconds 40
            }
            switch ($step.Do) {
                'emit' {
                    foreach ($e in $step.Events) {
                        $count = if ($e.ContainsKey('Count')) { $e.Count } else { 1 }
                        $name = if ($e.ContainsKey('Name')) { $e.Name } else { '' }
                        $null = Send-PdEmulatorEvent @control -EmitterId $e.EmitterId -Event $e.Event -Count $count -Name $name
                    }
                }
                'fault' { $null = Add-PdEmulatorFault @control -Method GET -Path $step.FaultPath -Status $step.FaultStatus -Count $step.FaultCount }
                'delete' {
                    $null = Invoke-RestMethod -Method Delete -Uri "$ApiBase/sources/$($step.SourceId)" -Headers @{ Authorization = "Bearer $ApiKey" }
                }
            }
        }
    }

    function Start-World([object[]] $Steps) {
        Start-ThreadJob -ScriptBlock $script:WorldScript -ArgumentList $env:PSPD_TEST_MODULE, $script:Setting.Root,
            $script:Setting.BaseUri.TrimEnd('/'), $script:Setting.ApiKey, $Steps
    }

    # Waits for the world to finish its steps; its failure fails the test.
    function Complete-World($Job) {
        $null = Wait-Job $Job -Timeout 30
        try { Receive-Job $Job -ErrorAction Stop } finally { Remove-Job $Job -Force }
    }

    function New-WaitSource([int] $Events = 0, [string] $Prefix = 'wait-') {
        $id = (New-EmulatorSource -Count 1 -NamePrefix $Prefix).FirstId
        if ($Events -gt 0) { $null = Send-EmulatorEvent -EmitterId $id -Event @{ n = 0 } -Count $Events }
        $id
    }

    function Get-PollPath([string] $SourceId) { "/v1/sources/$SourceId/event_summaries" }

    # The ids the emulator holds for a source, oldest first.
    function Get-OldestFirst([string] $SourceId) { $ids = @(Get-TestEventId $SourceId); [array]::Reverse($ids); $ids }

    # Compares two event ids as the API orders them: by time, then sequence, as numbers.
    function Compare-EventId([string] $A, [string] $B) {
        $pa = $A.Split('-') | ForEach-Object { [decimal] $_ }
        $pb = $B.Split('-') | ForEach-Object { [decimal] $_ }
        if ($pa[0] -ne $pb[0]) { return [math]::Sign($pa[0] - $pb[0]) }
        [math]::Sign($pa[1] - $pb[1])
    }

    function Assert-TimeOrder([string[]] $Ids) {
        for ($i = 1; $i -lt $Ids.Count; $i++) {
            Compare-EventId $Ids[$i - 1] $Ids[$i] | Should -Be -1 -Because "$($Ids[$i - 1]) comes before $($Ids[$i])"
        }
    }

    # Starts servers/LiveEventServer.py with one of its scripts: the process, and a connection to it
    # that retries a failed request once.
    function Start-LiveServer([string] $Log, [string] $Script = 'default') {
        $psi = [Diagnostics.ProcessStartInfo]::new('python3')
        foreach ($a in (Join-Path $PSScriptRoot 'servers/LiveEventServer.py'), '--log', $Log, '--seconds', '120', '--script', $Script) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $line = $process.StandardOutput.ReadLine()
        if ($line -notmatch '^PORT (\d+)$') { throw "The live event server did not start: $line" }
        $connection = Connect-PdAccount -BaseUri "http://127.0.0.1:$($Matches[1])/v1" -ApiKey 'live0123456789abcdefghijklmnopqr' -PassThru
        $connection.MaxRetries = 1
        [pscustomobject]@{ Process = $process; Connection = $connection }
    }
}

Describe 'Get-PdEvent -Wait' -Tag Wait {
    BeforeEach {
        Reset-Emulator
        $script:Connection = Connect-TestAccount
    }

    It 'writes the newest -Tail events, then each new event once, oldest first' {
        $source = New-WaitSource -Events 5
        $path = Get-PollPath $source
        $world = Start-World @(
            @{ Path = $path; After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 1 } ; Count = 2 }) }
            @{ Path = $path; After = 2; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 2 } ; Count = 2 }) }
        )

        $out = @(Get-PdEvent -SourceId $source -Wait -Tail 3 -PollSeconds 1 -Timeout 15 | Select-Object -First 7)
        Complete-World $world

        $expected = @(Get-OldestFirst $source | Select-Object -Last 7)
        $out.Id | Should -Be $expected
        @($out.Id | Select-Object -Unique).Count | Should -Be 7
        foreach ($e in $out) {
            Test-PdTypeName $e 'Event' | Should -BeTrue
            $e.SourceId | Should -Be $source
            $e.EmitterId | Should -Be $source
        }
    }

    It 'with -Tail 0 writes only what comes after the wait starts' {
        $source = New-WaitSource -Events 3
        $world = Start-World @(@{ Path = (Get-PollPath $source); After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 'new' } }) })

        $out = @(Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 15 | Select-Object -First 1)
        Complete-World $world

        $out.Count | Should -Be 1
        $out[0].Event.n | Should -Be 'new'
        $out[0].Id | Should -Be (Get-TestEventId $source)[0]
    }

    It 'follows several sources as one stream in time order, each event tagged with its source' {
        $a = New-WaitSource; $b = New-WaitSource; $c = New-WaitSource
        # Interleaved before the wait: the tail of the three is merged by time.
        foreach ($round in 1, 2) { foreach ($s in $a, $b, $c) { $null = Send-EmulatorEvent -EmitterId $s -Event @{ round = $round } } }
        # And while it waits: after a whole round of polls, interleaved again.
        $world = Start-World @(@{ Path = '/v1/sources/*/event_summaries'; After = 3; Do = 'emit'; Events = @(
            @{ EmitterId = $c; Event = @{ round = 3 } }, @{ EmitterId = $a; Event = @{ round = 3 } },
            @{ EmitterId = $b; Event = @{ round = 3 } }, @{ EmitterId = $a; Event = @{ round = 4 } }) })

        # Three seconds between rounds leave the world time to emit all four between two of them.
        $out = @(Get-PdEvent -SourceId $a, $b, $c -Wait -Tail 2 -PollSeconds 3 -Timeout 20 | Select-Object -First 10)
        Complete-World $world

        $out.Count | Should -Be 10
        Assert-TimeOrder $out.Id
        $out[0..5].SourceId | Should -Be @($a, $b, $c, $a, $b, $c)
        $out[6..9].SourceId | Should -Be @($c, $a, $b, $a)
        foreach ($e in $out) { $e.EmitterId | Should -Be $e.SourceId }
        @($out.Id | Select-Object -Unique).Count | Should -Be 10
    }

    It 'follows the sources piped from Get-PdSource' {
        $a = New-WaitSource -Events 1 -Prefix 'gh-'; $b = New-WaitSource -Events 1 -Prefix 'gh-'
        $null = New-WaitSource -Events 1 -Prefix 'other-'
        $out = @(Get-PdSource -Name 'gh-*' | Get-PdEvent -Wait -Tail 1 -PollSeconds 1 -Timeout 10 | Select-Object -First 2)
        $out.SourceId | Should -Be @($a, $b)
    }

    It 'says so and ends at once when the pipeline brings nothing to follow' {
        $out = @(Get-PdSource -Name 'no-such-*' | Get-PdEvent -Wait -Tail 0 -PollSeconds 1 -WarningVariable warnings 3>$null)
        $out | Should -BeNullOrEmpty
        "$warnings" | Should -Be 'Nothing to wait for: no source came down the pipeline, or none could be read.'
    }

    It 'stops polling at once when Select-Object -First has what it needs' {
        $source = New-WaitSource
        $path = Get-PollPath $source
        $world = Start-World @(@{ Path = $path; After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 1 }; Count = 3 }) })

        $out = @(Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 15 -ErrorVariable errs | Select-Object -First 1)
        Complete-World $world
        $polls = @(Get-EmulatorRequest -Path $path).Count
        Start-Sleep -Milliseconds 1200

        $out.Count | Should -Be 1
        @($errs).Count | Should -Be 0
        @(Get-EmulatorRequest -Path $path).Count | Should -Be $polls
    }

    It 'ends quietly when -Timeout is up' {
        $source = New-WaitSource -Events 1
        $out = @(Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 2 -ErrorVariable errs -Verbose 4>&1)

        @($errs).Count | Should -Be 0
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        @($out | Where-Object { "$_" -eq 'Stopped waiting: -Timeout 2 s is up.' }).Count | Should -Be 1
        @(Get-EmulatorRequest -Path (Get-PollPath $source)).Count | Should -BeGreaterOrEqual 1
    }

    It 'fails with PdWaitTimeout when -Timeout is up under -ErrorAction Stop' {
        $source = New-WaitSource
        { Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PdWaitTimeout,PSPipedream.Cmdlets.GetPdEventCommand'

        $err = Get-PdErrorRecord { $ErrorActionPreference = 'Stop'; Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 1 }
        $err.FullyQualifiedErrorId | Should -Be 'PdWaitTimeout,PSPipedream.Cmdlets.GetPdEventCommand'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err.TargetObject | Should -Be $source
        $err.Exception.Message | Should -BeLike "*$source*-Timeout 1 s is up*"
    }

    It 'lets a script wait up to N seconds for the next event and fail otherwise' {
        $source = New-WaitSource
        $world = Start-World @(@{ Path = (Get-PollPath $source); After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 'next' } }) })
        $next = Get-PdEvent -SourceId $source -Wait -Tail 0 -PollSeconds 1 -Timeout 15 -ErrorAction Stop | Select-Object -First 1
        Complete-World $world
        $next.Event.n | Should -Be 'next'
    }

    It 'hands the live stream to Remove-PdEvent' {
        $source = New-WaitSource -Events 4
        $before = @(Get-OldestFirst $source)
        Get-PdEvent -SourceId $source -Wait -Tail 2 -PollSeconds 1 -Timeout 10 | Select-Object -First 2 | Remove-PdEvent -Confirm:$false
        @(Get-OldestFirst $source) | Should -Be $before[0..1]
    }

    It 'ends on Ctrl+C in a child pwsh, with no error record' -Skip:$IsWindows {
        $source = New-WaitSource -Events 2
        $marker = Join-Path $TestDrive 'stopped.txt'
        $script = "Import-Module '$($env:PSPD_TEST_MODULE)'; try { Get-PdEvent -SourceId $source -Wait -PollSeconds 1 | ForEach-Object { 'EVENT ' + `$_.Id } } finally { Set-Content -LiteralPath '$marker' -Value stopped }"
        $psi = New-PwshStartInfo -ArgumentList '-Command', $script -RedirectOutput
        $psi.Environment['PIPEDREAM_API_KEY'] = $script:Setting.ApiKey
        $psi.Environment['PIPEDREAM_BASE_URL'] = $script:Setting.BaseUri
        $child = [Diagnostics.Process]::Start($psi)
        try {
            $stderr = $child.StandardError.ReadToEndAsync()
            $first = $child.StandardOutput.ReadLineAsync()
            $first.Wait(30000) | Should -BeTrue
            $first.Result | Should -BeLike 'EVENT *'
            # Past the tail, in the middle of waiting.
            $path = Get-PollPath $source
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-EmulatorRequest -Path $path).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            & kill -s INT $child.Id
            $child.WaitForExit(10000) | Should -BeTrue
            $child.ExitCode | Should -Not -Be 130 -Because 'pwsh handled the Ctrl+C rather than dying of it'
            Get-Content -LiteralPath $marker | Should -Be 'stopped'
            $stderr.Result | Should -BeNullOrEmpty
        }
        finally {
            if (-not $child.HasExited) { $child.Kill($true) }
            $child.Dispose()
        }
    }
}

Describe 'Get-PdEvent -Wait when things go wrong' -Tag Wait, Faults {
    BeforeAll {
        $script:SavedBase = $env:PSPD_TEST_RETRY_BASE_MS
        $env:PSPD_TEST_RETRY_BASE_MS = '10'
    }

    AfterAll {
        $env:PSPD_TEST_RETRY_BASE_MS = $script:SavedBase
    }

    BeforeEach {
        Reset-Emulator
        $script:Connection = Connect-TestAccount
        $script:Connection.MaxRetries = 1
    }

    AfterEach { Clear-EmulatorFault }

    It 'rides out a 503 storm: one warning, one resumed line, nothing lost or repeated' {
        $source = New-WaitSource -Events 2
        $path = Get-PollPath $source
        # Two polls of two attempts each fail; events come during the storm and after it.
        $world = Start-World @(
            @{ Path = $path; After = 1; Do = 'fault'; FaultPath = $path; FaultStatus = 503; FaultCount = 4 }
            @{ Path = $path; After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 'during' }; Count = 3 }) }
            @{ Path = $path; After = 4; Status = 503; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 'after' }; Count = 2 }) }
        )

        # Select-Object counts events only; the verbose lines join the output after it.
        $all = @(& { Get-PdEvent -SourceId $source -Wait -Tail 2 -PollSeconds 1 -Timeout 20 -Connection $script:Connection `
                    -WarningVariable script:warnings -WarningAction SilentlyContinue -Verbose | Select-Object -First 7 } 4>&1)
        $warnings = $script:warnings
        Complete-World $world

        $events = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $events.Id | Should -Be @(Get-OldestFirst $source)
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike 'Polling failed:*503*'
        @($all | Where-Object { "$_" -like 'Resumed:*' }).Count | Should -Be 1
        @(Get-EmulatorRequest -Path $path | Where-Object Status -eq 503).Count | Should -Be 4
    }

    It 'warns of a gap after a burst of 150 between two polls, naming the source and the time span' {
        $source = New-WaitSource -Events 1
        $path = Get-PollPath $source
        $world = Start-World @(@{ Path = $path; After = 1; Do = 'emit'; Events = @(@{ EmitterId = $source; Event = @{ n = 'burst' }; Count = 150 }) })

        $out = @(Get-PdEvent -SourceId $source -Wait -Tail 1 -PollSeconds 1 -Timeout 15 -WarningVariable warnings -WarningAction SilentlyContinue |
            Select-Object -First 101)
        Complete-World $world

        $out.Count | Should -Be 101
        $out[1..100].Id | Should -Be @(Get-OldestFirst $source)
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match "source $source has 100 new events since the last poll, a full page"
        "$($warnings[0])" | Should -Match 'between \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z and \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z may be missing'
    }

    It 'polls 50 sources at most about 5 requests a second, and says once that the interval stretches' {
        $null = New-EmulatorSource -Count 50 -NamePrefix 'many-'
        Clear-EmulatorRequest
        $lines = @(Get-PdSource | Get-PdEvent -Wait -Tail 0 -PollSeconds 1 -Timeout 3 -Verbose 4>&1 | ForEach-Object { "$_" })

        @($lines | Where-Object { $_ -like '*at most 5 requests a second*' }).Count | Should -Be 1
        $polls = @(Get-EmulatorRequest -Path '/v1/sources/*/event_summaries')
        $polls.Count | Should -BeGreaterThan 1
        foreach ($p in $polls) {
            $inOneSecond = @($polls | Where-Object { $_.ReceivedAt -ge $p.ReceivedAt -and $_.ReceivedAt -lt $p.ReceivedAt.AddSeconds(1) })
            $inOneSecond.Count | Should -BeLessOrEqual 6
        }
        # Each source waits its turn: none is polled twice before the others had theirs.
        @($polls.Path | Select-Object -Unique).Count | Should -Be $polls.Count
    }

    It 'ends the part of a deleted source with its own error while the others go on' {
        $a = New-WaitSource; $b = New-WaitSource; $c = New-WaitSource
        $world = Start-World @(
            @{ Path = '/v1/sources/*/event_summaries'; After = 3; Do = 'delete'; SourceId = $b }
            @{ Path = (Get-PollPath $b); After = 1; Status = 404; Do = 'emit'; Events = @(
                @{ EmitterId = $a; Event = @{ n = 'a' } }, @{ EmitterId = $c; Event = @{ n = 'c' } }) }
        )

        $out = @(Get-PdEvent -SourceId $a, $b, $c -Wait -Tail 0 -PollSeconds 1 -Timeout 20 -ErrorVariable errs -ErrorAction SilentlyContinue |
            Select-Object -First 2)
        Complete-World $world

        # Which round sees which of the two is up to the timing; each comes once, from its own source.
        @($out.SourceId | Sort-Object) | Should -Be @(@($a, $c) | Sort-Object)
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'PdNotFound,PSPipedream.Cmdlets.GetPdEventCommand'
        $errs[0].TargetObject | Should -Be $b
        @(Get-EmulatorRequest -Path (Get-PollPath $b) | Where-Object Status -eq 404).Count | Should -Be 1
    }

    It 'ends by itself when every followed source is gone' {
        $a = New-WaitSource
        $world = Start-World @(@{ Path = (Get-PollPath $a); After = 1; Do = 'delete'; SourceId = $a })
        $lines = @(Get-PdEvent -SourceId $a -Wait -Tail 0 -PollSeconds 1 -Timeout 20 -ErrorVariable errs -ErrorAction SilentlyContinue -Verbose 4>&1 |
            ForEach-Object { "$_" })
        Complete-World $world

        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound,*'
        $lines | Should -Contain 'Stopped waiting: none of the followed sources can be read any more.'
        $lines | Should -Not -Contain 'Stopped waiting: -Timeout 20 s is up.'
    }

    It 'ends the wait with the error of a 401' {
        $a = New-WaitSource; $b = New-WaitSource
        $world = Start-World @(@{ Path = (Get-PollPath $b); After = 1; Do = 'fault'; FaultPath = (Get-PollPath $a); FaultStatus = 401; FaultCount = 1 })
        $err = Get-PdErrorRecord { Get-PdEvent -SourceId $a, $b -Wait -Tail 0 -PollSeconds 1 -Timeout 20 -Connection $script:Connection }
        Complete-World $world

        $err.FullyQualifiedErrorId | Should -Be 'PdUnauthorized,PSPipedream.Cmdlets.GetPdEventCommand'
        $err.TargetObject | Should -Be $a
        # Nothing more was asked once the key was refused.
        $refused = @(Get-EmulatorRequest -Path (Get-PollPath $a) | Where-Object Status -eq 401)
        $refused.Count | Should -Be 1
        @(Get-EmulatorRequest -Path '/v1/sources/*/event_summaries' | Where-Object Seq -gt $refused[0].Seq).Count | Should -Be 0
    }
}

Describe 'Get-PdWorkflowEvent -Wait and Get-PdWorkflowError -Wait' -Tag Wait {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:Workflow = New-EmulatorWorkflow
    }

    It 'Get-PdWorkflowEvent -Wait writes the tail and then the new emits, as events with WorkflowId' {
        $null = Send-EmulatorEvent -EmitterId $script:Workflow -Event @{ n = 0 } -Count 2
        $world = Start-World @(@{ Path = "/v1/workflows/$($script:Workflow)/event_summaries"; After = 1; Do = 'emit'
                Events = @(@{ EmitterId = $script:Workflow; Event = @{ n = 1 } }) })

        $out = @(Get-PdWorkflowEvent -WorkflowId $script:Workflow -Wait -Tail 1 -PollSeconds 1 -Timeout 15 | Select-Object -First 2)
        Complete-World $world

        $out.Count | Should -Be 2
        $out.Event.n | Should -Be @(0, 1)
        foreach ($e in $out) { Test-PdTypeName $e 'Event' | Should -BeTrue; $e.WorkflowId | Should -Be $script:Workflow }
    }

    It 'Get-PdWorkflowError -Wait writes new errors as WorkflowError objects' {
        $error1 = @{ original_event = @{ n = 1 }; original_context = @{ id = 'run1' }; error = @{ code = 'Boom'; ts = '2026-12-08T00:00:00.000Z' } }
        $world = Start-World @(@{ Path = "/v1/workflows/$($script:Workflow)/*errors/event_summaries"; After = 1; Do = 'emit'
                Events = @(@{ EmitterId = $script:Workflow; Name = '$errors'; Event = $error1 }) })

        $out = @(Get-PdWorkflowError -WorkflowId $script:Workflow -Wait -Tail 0 -PollSeconds 1 -Timeout 15 | Select-Object -First 1)
        Complete-World $world

        $out.Count | Should -Be 1
        Test-PdTypeName $out[0] 'WorkflowError' | Should -BeTrue
        $out[0].WorkflowId | Should -Be $script:Workflow
        $out[0].Error.Code | Should -Be 'Boom'
    }
}

Describe '-Wait input checks' -Tag Wait {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:Source = New-WaitSource
    }

    BeforeEach { Clear-EmulatorRequest }

    It 'refuses -Wait with <Parameter>, before any request' -TestCases @(
        @{ Parameter = 'All'; Extra = @{ All = $true } }
        @{ Parameter = 'First'; Extra = @{ First = 3 } }
        @{ Parameter = 'Skip'; Extra = @{ Skip = 1 } }
        @{ Parameter = 'PageSize'; Extra = @{ PageSize = 5 } }
        @{ Parameter = 'After'; Extra = @{ After = '1-0' } }
    ) {
        param($Parameter, $Extra)
        $err = Get-PdErrorRecord { Get-PdEvent -SourceId $script:Source -Wait -Timeout 5 @Extra }
        $err.FullyQualifiedErrorId | Should -Be 'PdInvalidArgument,PSPipedream.Cmdlets.GetPdEventCommand'
        $err.Exception.Message | Should -BeLike "*-$Parameter cannot be used with -Wait*-Tail*"
        @(Get-EmulatorRequest -Path '/v1/sources/*').Count | Should -Be 0
    }

    It 'refuses -<Parameter> without -Wait' -TestCases @(
        @{ Parameter = 'Tail'; Extra = @{ Tail = 3 } }
        @{ Parameter = 'PollSeconds'; Extra = @{ PollSeconds = 3 } }
        @{ Parameter = 'Timeout'; Extra = @{ Timeout = 3 } }
    ) {
        param($Parameter, $Extra)
        $err = Get-PdErrorRecord { Get-PdWorkflowEvent -WorkflowId p_abc -Wait:$false @Extra }
        $err.FullyQualifiedErrorId | Should -Be 'PdInvalidArgument,PSPipedream.Cmdlets.GetPdWorkflowEventCommand'
        $err.Exception.Message | Should -BeLike "*-$Parameter is used only with -Wait*"
    }

    It 'refuses -<Parameter> <Value>' -TestCases @(
        @{ Parameter = 'Tail'; Value = 101 }
        @{ Parameter = 'Tail'; Value = -1 }
        @{ Parameter = 'PollSeconds'; Value = 0 }
        @{ Parameter = 'PollSeconds'; Value = 301 }
        @{ Parameter = 'Timeout'; Value = 0 }
    ) {
        param($Parameter, $Value)
        $params = @{ $Parameter = $Value }
        { Get-PdWorkflowError -WorkflowId p_abc -Wait @params } | Should -Throw -ErrorId "ParameterArgumentValidationError,PSPipedream.Cmdlets.GetPdWorkflowErrorCommand"
    }
}

# The same wait against a server that is not the emulator (servers/LiveEventServer.py): it emits
# while the wait runs, fails for a while, then bursts past the 100 events it keeps.
Describe 'Get-PdEvent -Wait against another server' -Tag Wait, Faults {
    BeforeAll {
        $script:SavedBase = $env:PSPD_TEST_RETRY_BASE_MS
        $env:PSPD_TEST_RETRY_BASE_MS = '10'
        $script:LiveLog = Join-Path $TestDrive 'live.log'
        $live = Start-LiveServer -Log $script:LiveLog
        $script:LiveServer = $live.Process
        $script:LiveConnection = $live.Connection
    }

    AfterAll {
        $env:PSPD_TEST_RETRY_BASE_MS = $script:SavedBase
        if ($script:LiveServer -and -not $script:LiveServer.HasExited) { $script:LiveServer.Kill() }
    }

    It 'survives the outage and the burst: every event it can still list once, in order, one warning for each' {
        $all = @(& { Get-PdEvent -SourceId dc_live -Wait -Tail 3 -PollSeconds 1 -Timeout 20 -Connection $script:LiveConnection `
                    -WarningVariable script:liveWarnings -WarningAction SilentlyContinue -Verbose | Select-Object -First 107 } 4>&1)
        $events = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $warnings = @($script:liveWarnings)

        $events.Count | Should -Be 107
        # 1-5 before the outage, then the 100 of the burst of 150 that the server still keeps, then what came after.
        ($events.Event.n -join ",") | Should -Be ((1..5 + 56..157) -join ",")
        Assert-TimeOrder $events.Id
        foreach ($e in $events) { $e.SourceId | Should -Be 'dc_live'; $e.EmitterId | Should -Be 'dc_live' }

        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike 'Polling failed:*503*'
        "$($warnings[1])" | Should -BeLike 'The source dc_live has 100 new events since the last poll, a full page*may be missing.'
        @($all | Where-Object { "$_" -like 'Resumed:*' }).Count | Should -Be 1
        @(Get-Content -LiteralPath $script:LiveLog | Where-Object { $_ -like 'GET /v1/sources/dc_live/event_summaries?* 503' }).Count | Should -Be 2
    }
}

# An event that does not fit the model (servers/LiveEventServer.py --script misfit: its
# indexed_at_ms is not a timestamp) is one error of its own, not a failed poll: the events around
# it still come, and an outage after it is still told, once, and its end too.
Describe 'Get-PdEvent -Wait and an event that does not fit its model' -Tag Wait, Faults {
    BeforeAll {
        $script:SavedBase = $env:PSPD_TEST_RETRY_BASE_MS
        $env:PSPD_TEST_RETRY_BASE_MS = '10'
        $script:MisfitLog = Join-Path $TestDrive 'misfit.log'
        $live = Start-LiveServer -Log $script:MisfitLog -Script misfit
        $script:MisfitServer = $live.Process
        $script:MisfitConnection = $live.Connection
    }

    AfterAll {
        $env:PSPD_TEST_RETRY_BASE_MS = $script:SavedBase
        if ($script:MisfitServer -and -not $script:MisfitServer.HasExited) { $script:MisfitServer.Kill() }
    }

    It 'tells the event once, by its emitter and id, writes every other event once, and still tells the outage after it' {
        $all = @(& { Get-PdEvent -SourceId dc_live -Wait -Tail 2 -PollSeconds 1 -Timeout 20 -Connection $script:MisfitConnection `
                    -WarningVariable script:misfitWarnings -WarningAction SilentlyContinue `
                    -ErrorVariable script:misfitErrors -ErrorAction SilentlyContinue -Verbose | Select-Object -First 8 } 4>&1)
        $events = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $warnings = @($script:misfitWarnings)
        $errors = @($script:misfitErrors)

        # 4 is the one that does not fit; 3 (older) and 5 (newer) came on the same page.
        ($events.Event.n -join ",") | Should -Be "1,2,3,5,6,7,8,9"
        Assert-TimeOrder $events.Id

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PdInvalidResponse,*'
        $errors[0].TargetObject | Should -Be 'dc_live'
        # The three of that page were emitted together: <ms>-0 (3), <ms>-1 (4), <ms>-2 (5).
        $badId = ($events | Where-Object { $_.Event.n -eq 3 }).Id -replace '-0$', '-1'
        $events.Id | Should -Not -Contain $badId
        "$($errors[0])" | Should -BeLike "The source dc_live has an event, $badId, that is left out: GET * answered 200 OK with an item of ""data"" that does not fit a Event: *yesterday*"

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike 'Polling failed:*503*'
        $resumed = @($all | Where-Object { "$_" -like 'Resumed:*' })
        $resumed.Count | Should -Be 1
        "$($resumed[0])" | Should -BeLike 'Resumed: the API answers again, after 1 failed poll over * s.'
        @(Get-Content -LiteralPath $script:MisfitLog | Where-Object { $_ -like 'GET /v1/sources/dc_live/event_summaries?* 503' }).Count | Should -Be 2
    }
}
