BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    # A request's path with any percent-encoding undone ('$errors' may travel as '%24errors').
    function Get-TestPath($Request) { [uri]::UnescapeDataString($Request.Path) }

    # An error event as the API reports it for a failed workflow run.
    function New-TestErrorEvent([string] $WorkflowId, [string] $Code) {
        [ordered]@{
            original_event   = @{ name = 'Luke'; title = 'Jedi' }
            original_context = @{ id = '1kodJIW7jVnKfvB2yp1OoPrtbFk'; workflow_id = $WorkflowId; owner_id = 'u_emulator' }
            error            = [ordered]@{
                code   = $Code
                cellId = 'c_abc123'
                ts     = '2020-11-26T06:06:56.077Z'
                stack  = '    at Request.extractError (file.js:1:1)'
            }
        }
    }
}

Describe 'Get-PdWorkflowEvent' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $workflowId = New-EmulatorWorkflow
        $emitted = @(Send-EmulatorEvent -EmitterId $workflowId -Event @{ name = 'Luke'; title = 'Jedi' } -Count 3)
        Clear-EmulatorRequest
    }

    It 'gets GET /workflows/{id}/event_summaries and writes PSPipedream.Event objects with WorkflowId' {
        $events = @(Get-PdWorkflowEvent -WorkflowId $workflowId)

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be "/v1/workflows/$workflowId/event_summaries"
        (ConvertFrom-TestQuery $requests[0].Query).ContainsKey('expand') | Should -BeFalse

        $events.Count | Should -Be 3
        $events.Id | Should -Be @($emitted[2], $emitted[1], $emitted[0])
        Test-PdTypeName $events[0] 'Event' | Should -BeTrue
        $events[0].WorkflowId | Should -Be $workflowId
        $events[0].Event.title | Should -Be 'Jedi'
        $events[0].Metadata.EmitterId | Should -Be $workflowId
        $events[0].IndexedAt | Should -BeOfType [datetime]
    }

    It 'sends expand=event with -Expand and -PageSize as limit' {
        $events = @(Get-PdWorkflowEvent -WorkflowId $workflowId -Expand -PageSize 1 -First 1)

        $events.Count | Should -Be 1
        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[0]).Query
        $query['expand'] | Should -Be 'event'
        $query['limit'] | Should -Be '1'
    }

    It 'follows every page with -All' {
        $events = @(Get-PdWorkflowEvent -WorkflowId $workflowId -PageSize 2 -All)

        $events.Id | Should -Be @($emitted[2], $emitted[1], $emitted[0])
        @(Get-EmulatorRequest).Count | Should -Be 2
    }

    It 'binds -WorkflowId from piped Id and WorkflowId properties' {
        $other = New-EmulatorWorkflow
        $null = Send-EmulatorEvent -EmitterId $other -Event @{ n = 1 }
        Clear-EmulatorRequest

        $events = @([pscustomobject]@{ Id = $workflowId }, [pscustomobject]@{ WorkflowId = $other }) | Get-PdWorkflowEvent

        $events.Count | Should -Be 4
        @($events | Where-Object WorkflowId -eq $other).Count | Should -Be 1
        @(Get-EmulatorRequest).Path | Should -Be @("/v1/workflows/$workflowId/event_summaries", "/v1/workflows/$other/event_summaries")
    }

    It "writes a non-terminating ObjectNotFound error for another user's workflow and goes on" {
        $stranger = New-EmulatorUser -Username "stranger$(Get-Random)"
        $foreign = New-EmulatorWorkflow -OwnerId $stranger.id
        $null = Send-EmulatorEvent -EmitterId $foreign -Event @{ secret = 'yes' }
        Clear-EmulatorRequest

        $events = @([pscustomobject]@{ Id = $foreign }, [pscustomobject]@{ Id = $workflowId }) |
            Get-PdWorkflowEvent -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $events.Count | Should -Be 3
        $events.WorkflowId | Should -Not -Contain $foreign
        # Member enumeration yields one $null per event, so look for the property itself.
        @($events | Where-Object { $_.Event.PSObject.Properties['secret'] }) | Should -BeNullOrEmpty
    }

    # The test case key is not WorkflowId: BeforeEach sets $workflowId, which would hide it.
    It 'rejects -WorkflowId <BadId> before any request' -TestCases @(
        @{ BadId = 'dc_abc123' }, @{ BadId = 'u_emulator' }, @{ BadId = ' ' }
    ) {
        Get-ThrownErrorText { Get-PdWorkflowEvent -WorkflowId $BadId -ErrorAction Stop } | Should -MatchExactly '\bWorkflowId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'rejects -PageSize <PageSize> before any request' -TestCases @(@{ PageSize = 0 }, @{ PageSize = 101 }) {
        Get-ThrownErrorText { Get-PdWorkflowEvent -WorkflowId $workflowId -PageSize $PageSize -ErrorAction Stop } |
            Should -MatchExactly '\bPageSize\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Get-PdWorkflowError' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $workflowId = New-EmulatorWorkflow
        $errorIds = @()
        $errorIds += Send-EmulatorEvent -EmitterId $workflowId -Name '$errors' -Event (New-TestErrorEvent $workflowId 'FirstFailure')
        $errorIds += Send-EmulatorEvent -EmitterId $workflowId -Name '$errors' -Event (New-TestErrorEvent $workflowId 'InternalFailure')
        # An ordinary emit, which is not an error.
        $null = Send-EmulatorEvent -EmitterId $workflowId -Event @{ fine = $true }
        Clear-EmulatorRequest
    }

    It 'gets GET /workflows/{id}/$errors/event_summaries and writes PSPipedream.WorkflowError objects' {
        $wfErrors = @(Get-PdWorkflowError -WorkflowId $workflowId)

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'GET'
        Get-TestPath $requests[0] | Should -Be "/v1/workflows/$workflowId/`$errors/event_summaries"

        $wfErrors.Count | Should -Be 2
        $wfErrors.Id | Should -Be @($errorIds[1], $errorIds[0])
        $latest = $wfErrors[0]
        Test-PdTypeName $latest 'WorkflowError' | Should -BeTrue
        $latest.WorkflowId | Should -Be $workflowId
        $latest.IndexedAt | Should -BeOfType [datetime]
        $latest.Metadata.Name | Should -Be '$errors'
        $latest.OriginalEvent.title | Should -Be 'Jedi'
        $latest.OriginalContext.workflow_id | Should -Be $workflowId
        $latest.Error.Code | Should -Be 'InternalFailure'
        $latest.Error.CellId | Should -Be 'c_abc123'
        $latest.Error.Ts | Should -Not -BeNullOrEmpty
        $latest.Error.Stack | Should -BeLike '*Request.extractError*'
    }

    It 'fills OriginalEvent, OriginalContext and Error from the top level of the item too, as other clients model it' {
        $topLevel = (New-PdEmulatorWorkflow -Emulator (Get-EmulatorSetting).Root -TopLevelErrors).Id
        $null = Send-EmulatorEvent -EmitterId $topLevel -Name '$errors' -Event (New-TestErrorEvent $topLevel 'TopLevelFailure')
        $raw = @(Invoke-PdApi -Path "/workflows/$topLevel/`$errors/event_summaries")[0]
        $raw.error.code | Should -Be 'TopLevelFailure'
        $raw.event.PSObject.Properties.Name | Should -Not -Contain 'error'

        $fromTop = Get-PdWorkflowError -WorkflowId $topLevel
        $fromEvent = Get-PdWorkflowError -WorkflowId $workflowId -First 1
        foreach ($e in $fromTop, $fromEvent) {
            $e.OriginalEvent.title | Should -Be 'Jedi'
            $e.OriginalContext.id | Should -Be '1kodJIW7jVnKfvB2yp1OoPrtbFk'
            $e.Error | Should -BeOfType ([PSPipedream.WorkflowErrorDetail])
            $e.Error.CellId | Should -Be 'c_abc123'
            $e.Error.Stack | Should -BeLike '*Request.extractError*'
        }
        $fromTop.Error.Code | Should -Be 'TopLevelFailure'
        $fromTop.OriginalContext.workflow_id | Should -Be $topLevel
        $fromEvent.Error.Code | Should -Be 'InternalFailure'
    }

    It 'sends expand=event with -Expand' {
        $null = Get-PdWorkflowError -WorkflowId $workflowId -Expand

        (ConvertFrom-TestQuery (@(Get-EmulatorRequest)[0]).Query)['expand'] | Should -Be 'event'
    }

    It 'follows every page with -All and -PageSize' {
        $wfErrors = @(Get-PdWorkflowError -WorkflowId $workflowId -PageSize 1 -All)

        $wfErrors.Id | Should -Be @($errorIds[1], $errorIds[0])
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -BeIn 2, 3
        (ConvertFrom-TestQuery $requests[0].Query)['limit'] | Should -Be '1'
    }

    It 'binds -WorkflowId from a piped Id property' {
        $wfErrors = @([pscustomobject]@{ Id = $workflowId } | Get-PdWorkflowError)

        $wfErrors.Count | Should -Be 2
    }

    It 'writes a non-terminating ObjectNotFound error for a missing workflow and goes on' {
        $wfErrors = @([pscustomobject]@{ WorkflowId = 'p_missing1' }, [pscustomobject]@{ WorkflowId = $workflowId }) |
            Get-PdWorkflowError -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $wfErrors.Count | Should -Be 2
    }

    # The test case key is not WorkflowId: BeforeEach sets $workflowId, which would hide it.
    It 'rejects -WorkflowId <BadId> before any request' -TestCases @(@{ BadId = 'dc_abc123' }, @{ BadId = '' }) {
        Get-ThrownErrorText { Get-PdWorkflowError -WorkflowId $BadId -ErrorAction Stop } | Should -MatchExactly '\bWorkflowId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}
