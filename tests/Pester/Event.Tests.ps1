BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    # A fresh source with $Count events; returns the source id and the event ids, oldest first.
    function New-TestSourceWithEvent([int] $Count = 3) {
        $sourceId = (New-EmulatorSource -Count 1 -NamePrefix 'events-').FirstId
        $ids = @()
        for ($i = 1; $i -le $Count; $i++) {
            $ids += Send-EmulatorEvent -EmitterId $sourceId -Event @{ title = "item $i"; n = $i }
        }
        [pscustomobject]@{ SourceId = $sourceId; EventIds = $ids }
    }
}

Describe 'Get-PdEvent' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $fixture = New-TestSourceWithEvent -Count 3
        Clear-EmulatorRequest
    }

    It 'gets GET /sources/{id}/event_summaries and writes PSPipedream.Event objects, newest first' {
        $events = @(Get-PdEvent -SourceId $fixture.SourceId)

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be "/v1/sources/$($fixture.SourceId)/event_summaries"
        (ConvertFrom-TestQuery $requests[0].Query).ContainsKey('expand') | Should -BeFalse

        $events.Count | Should -Be 3
        $events.Id | Should -Be @($fixture.EventIds[2], $fixture.EventIds[1], $fixture.EventIds[0])
        $newest = $events[0]
        Test-PdTypeName $newest 'Event' | Should -BeTrue
        $newest.SourceId | Should -Be $fixture.SourceId
        $newest.Event.title | Should -Be 'item 3'
        $newest.Event.n | Should -Be 3
        $newest.Metadata.EmitterId | Should -Be $fixture.SourceId
        $newest.Metadata.EmitId | Should -Not -BeNullOrEmpty
        $newest.Metadata.Name | Should -BeNullOrEmpty
        $newest.IsTruncated | Should -BeFalse
    }

    It 'turns indexed_at_ms into the DateTime IndexedAt' {
        $raw = (Invoke-TestApi -Path "sources/$($fixture.SourceId)/event_summaries?limit=1").data[0]
        $expected = [DateTimeOffset]::FromUnixTimeMilliseconds([long] $raw.indexed_at_ms).UtcDateTime

        $event = Get-PdEvent -SourceId $fixture.SourceId | Where-Object Id -eq $raw.id

        $event.IndexedAt | Should -BeOfType [datetime]
        [math]::Abs(($event.IndexedAt.ToUniversalTime() - $expected).TotalMilliseconds) | Should -BeLessThan 1
    }

    It 'marks an event over 1 KB as truncated, and sends expand=event with -Expand to get it whole' {
        $big = 'x' * 2000
        $null = Send-EmulatorEvent -EmitterId $fixture.SourceId -Event @{ big = $big }
        Clear-EmulatorRequest

        $cut = Get-PdEvent -SourceId $fixture.SourceId | Select-Object -First 1
        $whole = Get-PdEvent -SourceId $fixture.SourceId -Expand | Select-Object -First 1

        $cut.IsTruncated | Should -BeTrue
        $whole.IsTruncated | Should -BeFalse
        $whole.Event.big | Should -BeExactly $big
        $requests = @(Get-EmulatorRequest)
        (ConvertFrom-TestQuery $requests[0].Query).ContainsKey('expand') | Should -BeFalse
        (ConvertFrom-TestQuery $requests[-1].Query)['expand'] | Should -Be 'event'
    }

    It 'sends -PageSize as limit and follows the cursors with -All' {
        $null = Send-EmulatorEvent -EmitterId $fixture.SourceId -Event @{ title = 'more' } -Count 2
        Clear-EmulatorRequest

        $events = @(Get-PdEvent -SourceId $fixture.SourceId -PageSize 2 -All)

        $events.Count | Should -Be 5
        @($events.Id | Select-Object -Unique).Count | Should -Be 5
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 3
        foreach ($r in $requests) {
            $r.Path | Should -Be "/v1/sources/$($fixture.SourceId)/event_summaries"
            (ConvertFrom-TestQuery $r.Query)['limit'] | Should -Be '2'
        }
        (ConvertFrom-TestQuery $requests[1].Query)['after'] | Should -Be $events[1].Id
    }

    It 'stops at -First' {
        $events = @(Get-PdEvent -SourceId $fixture.SourceId -First 2)

        $events.Id | Should -Be @($fixture.EventIds[2], $fixture.EventIds[1])
    }

    It 'binds -SourceId from piped Id and SourceId properties' {
        $other = New-TestSourceWithEvent -Count 1
        Clear-EmulatorRequest

        $events = @(
            [pscustomobject]@{ Id = $fixture.SourceId },
            [pscustomobject]@{ SourceId = $other.SourceId }
        ) | Get-PdEvent

        $events.Count | Should -Be 4
        @($events | Where-Object SourceId -eq $other.SourceId).Id | Should -Be @($other.EventIds[0])
        @(Get-EmulatorRequest).Path | Should -Be @(
            "/v1/sources/$($fixture.SourceId)/event_summaries",
            "/v1/sources/$($other.SourceId)/event_summaries")
    }

    It 'writes a non-terminating ObjectNotFound error for a missing source and goes on' {
        $events = @(
            [pscustomobject]@{ SourceId = 'dc_missing1' },
            [pscustomobject]@{ SourceId = $fixture.SourceId }
        ) | Get-PdEvent -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $events.Count | Should -Be 3
    }

    It 'rejects -SourceId <SourceId> before any request' -TestCases @(
        @{ SourceId = 'p_abc123' }, @{ SourceId = 'sc_abc123' }, @{ SourceId = '  ' }
    ) {
        Get-ThrownErrorText { Get-PdEvent -SourceId $SourceId -ErrorAction Stop } | Should -MatchExactly '\bSourceId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'rejects -PageSize <PageSize> before any request' -TestCases @(
        @{ PageSize = 0 }, @{ PageSize = 101 }
    ) {
        Get-ThrownErrorText { Get-PdEvent -SourceId $fixture.SourceId -PageSize $PageSize -ErrorAction Stop } |
            Should -MatchExactly '\bPageSize\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Remove-PdEvent' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $fixture = New-TestSourceWithEvent -Count 5
        $ids = $fixture.EventIds
        Clear-EmulatorRequest
    }

    It 'deletes one event with -EventId, sending start_id = end_id' {
        $result = Remove-PdEvent -SourceId $fixture.SourceId -EventId $ids[2] -Force

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'DELETE'
        $requests[0].Path | Should -Be "/v1/sources/$($fixture.SourceId)/events"
        $query = ConvertFrom-TestQuery $requests[0].Query
        $query['start_id'] | Should -Be $ids[2]
        $query['end_id'] | Should -Be $ids[2]
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[4], $ids[3], $ids[1], $ids[0])
    }

    It 'deletes a range with -StartId and -EndId' {
        Remove-PdEvent -SourceId $fixture.SourceId -StartId $ids[1] -EndId $ids[3] -Confirm:$false

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[-1]).Query
        $query['start_id'] | Should -Be $ids[1]
        $query['end_id'] | Should -Be $ids[3]
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[4], $ids[0])
    }

    It 'refuses a -StartId newer than -EndId (which would delete nothing) before any request' {
        $thrown = Get-ThrownErrorText {
            Remove-PdEvent -SourceId $fixture.SourceId -StartId $ids[3] -EndId $ids[1] -Force -ErrorAction Stop
        }

        $thrown | Should -MatchExactly '\bStartId\b'
        $thrown | Should -MatchExactly '\bEndId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestEventId $fixture.SourceId).Count | Should -Be 5
    }

    It 'compares event ids by number, not as text' {
        Remove-PdEvent -SourceId $fixture.SourceId -StartId '999-5' -EndId '1000-0' -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'deletes from -StartId on without sending end_id' {
        Remove-PdEvent -SourceId $fixture.SourceId -StartId $ids[3] -Force

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[-1]).Query
        $query['start_id'] | Should -Be $ids[3]
        $query.ContainsKey('end_id') | Should -BeFalse
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[2], $ids[1], $ids[0])
    }

    It 'deletes up to -EndId without sending start_id' {
        Remove-PdEvent -SourceId $fixture.SourceId -EndId $ids[1] -Force

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[-1]).Query
        $query['end_id'] | Should -Be $ids[1]
        $query.ContainsKey('start_id') | Should -BeFalse
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[4], $ids[3], $ids[2])
    }

    It 'deletes every event with -All, sending neither start_id nor end_id' {
        Remove-PdEvent -SourceId $fixture.SourceId -All -Force

        $request = @(Get-EmulatorRequest)[-1]
        $request.Method | Should -Be 'DELETE'
        $request.Path | Should -Be "/v1/sources/$($fixture.SourceId)/events"
        $query = ConvertFrom-TestQuery $request.Query
        $query.ContainsKey('start_id') | Should -BeFalse
        $query.ContainsKey('end_id') | Should -BeFalse
        Get-TestEventId $fixture.SourceId | Should -BeNullOrEmpty
    }

    It 'refuses to run with none of -EventId, -StartId, -EndId, -All and deletes nothing' {
        $text = Get-ThrownErrorText { Remove-PdEvent -SourceId $fixture.SourceId -Force -ErrorAction Stop }

        $text | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestEventId $fixture.SourceId).Count | Should -Be 5
    }

    It 'binds SourceId and Id (as -EventId) from piped objects' {
        @(
            [pscustomobject]@{ SourceId = $fixture.SourceId; Id = $ids[0] },
            [pscustomobject]@{ SourceId = $fixture.SourceId; EventId = $ids[4] }
        ) | Remove-PdEvent -Force

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 2
        (ConvertFrom-TestQuery $requests[0].Query)['start_id'] | Should -Be $ids[0]
        (ConvertFrom-TestQuery $requests[1].Query)['end_id'] | Should -Be $ids[4]
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[3], $ids[2], $ids[1])
    }

    It 'names the one event and its source in the -WhatIf text of -EventId' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("pspd-whatif-" + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try { Remove-PdEvent -SourceId $fixture.SourceId -EventId $ids[2] -WhatIf }
        finally { $null = Stop-Transcript }
        $text = Get-Content -Raw $transcript
        Remove-Item $transcript

        $text | Should -Match ([regex]::Escape("event $($ids[2]) of $($fixture.SourceId)"))
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        Remove-PdEvent -SourceId $fixture.SourceId -EventId $ids[0] -WhatIf
        Remove-PdEvent -SourceId $fixture.SourceId -All -WhatIf -Force

        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestEventId $fixture.SourceId).Count | Should -Be 5
    }

    It 'writes a non-terminating ObjectNotFound error for a missing source and goes on' {
        @(
            [pscustomobject]@{ SourceId = 'dc_missing1'; Id = $ids[0] },
            [pscustomobject]@{ SourceId = $fixture.SourceId; Id = $ids[0] }
        ) | Remove-PdEvent -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-TestEventId $fixture.SourceId | Should -Not -Contain $ids[0]
    }

    It 'writes a non-terminating error for a piped event id of the wrong form and goes on' {
        @(
            [pscustomobject]@{ SourceId = $fixture.SourceId; Id = 'not-an-id' },
            [pscustomobject]@{ SourceId = $fixture.SourceId; Id = $ids[1] }
        ) | Remove-PdEvent -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        "$($errs[0])" | Should -MatchExactly '\bEventId\b'
        @(Get-EmulatorRequest).Count | Should -Be 1
        Get-TestEventId $fixture.SourceId | Should -Be @($ids[4], $ids[3], $ids[2], $ids[0])
    }

    It 'rejects -<Parameter> <Value> before any request' -TestCases @(
        @{ Parameter = 'EventId'; Value = 'abc' },
        @{ Parameter = 'EventId'; Value = '1589486981597' },
        @{ Parameter = 'StartId'; Value = '1589486981597-x' },
        @{ Parameter = 'EndId'; Value = '-1' },
        @{ Parameter = 'SourceId'; Value = 'wh_abc123' }
    ) {
        $params = @{ SourceId = $fixture.SourceId; EventId = $ids[0]; Force = $true; ErrorAction = 'Stop' }
        if ($Parameter -in 'StartId', 'EndId') { $params.Remove('EventId') }
        $params[$Parameter] = $Value

        Get-ThrownErrorText { Remove-PdEvent @params } | Should -MatchExactly "\b$Parameter\b"
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestEventId $fixture.SourceId).Count | Should -Be 5
    }
}
