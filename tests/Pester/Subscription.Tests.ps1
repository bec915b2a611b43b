BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    # What Tab offers for the text (completion texts with any quotes taken off).
    function Get-TestCompletion([string] $InputScript) {
        $completion = TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length
        @($completion.CompletionMatches | ForEach-Object { $_.CompletionText.Trim("'", '"') })
    }
}

Describe 'Get-PdSubscription' {
    BeforeAll {
        Reset-Emulator
        $null = Connect-TestAccount
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'sub-'
        $source1, $source2 = $seed.FirstId, $seed.LastId
        $workflow = New-EmulatorWorkflow
        $mine1 = New-TestSubscription -EmitterId $source1 -ListenerId $workflow
        $mine2 = New-TestSubscription -EmitterId $source2 -ListenerId $workflow -EventName '$errors'
        $mine3 = New-TestSubscription -EmitterId $workflow -ListenerId $source1 -EventName 'default'
        $orgOnly = New-TestSubscription -EmitterId 'p_*' -ListenerId $source2 -OrgId 'o_emulator'
    }
    BeforeEach { Clear-EmulatorRequest }

    It "gets GET /users/me/subscriptions and writes the user's PSPipedream.Subscription objects" {
        $subscriptions = @(Get-PdSubscription)

        $requests = @(Get-EmulatorRequest)
        $requests[0].Method | Should -Be 'GET'
        $requests[0].Path | Should -Be '/v1/users/me/subscriptions'
        $subscriptions.Id | Should -Be @($mine1.id, $mine2.id, $mine3.id)
        Test-PdTypeName $subscriptions[1] 'Subscription' | Should -BeTrue
        $subscriptions[1].EmitterId | Should -Be $source2
        $subscriptions[1].ListenerId | Should -Be $workflow
        $subscriptions[1].EventName | Should -Be '$errors'
        $subscriptions[0].EventName | Should -BeNullOrEmpty
    }

    It "gets GET /orgs/{org}/subscriptions with -OrgId" {
        $subscriptions = @(Get-PdSubscription -OrgId 'o_emulator')

        (@(Get-EmulatorRequest)[0]).Path | Should -Be '/v1/orgs/o_emulator/subscriptions'
        $subscriptions.Id | Should -Be @($orgOnly.id)
        $subscriptions[0].EmitterId | Should -Be 'p_*'
    }

    It 'binds -OrgId from a piped OrgId property' {
        $subscriptions = @([pscustomobject]@{ OrgId = 'o_emulator' } | Get-PdSubscription)

        $subscriptions.Id | Should -Be @($orgOnly.id)
    }

    It 'filters on -EmitterId and -ListenerId wildcards on the client' {
        $fromSources = @(Get-PdSubscription -EmitterId 'dc_*')
        $toWorkflow = @(Get-PdSubscription -ListenerId $workflow)
        $both = @(Get-PdSubscription -EmitterId $source2 -ListenerId 'p_*')

        $fromSources.Id | Should -Be @($mine1.id, $mine2.id)
        $toWorkflow.Id | Should -Be @($mine1.id, $mine2.id)
        $both.Id | Should -Be @($mine2.id)
        foreach ($r in Get-EmulatorRequest) {
            $r.Path | Should -Be '/v1/users/me/subscriptions'
            $query = ConvertFrom-TestQuery $r.Query
            $query.ContainsKey('emitter_id') | Should -BeFalse
            $query.ContainsKey('listener_id') | Should -BeFalse
        }
    }

    It 'rejects -OrgId <OrgId> before any request' -TestCases @(@{ OrgId = 'u_emulator' }, @{ OrgId = ' ' }) {
        Get-ThrownErrorText { Get-PdSubscription -OrgId $OrgId -ErrorAction Stop } | Should -MatchExactly '\bOrgId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'New-PdSubscription' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'sub-'
        $source1, $source2 = $seed.FirstId, $seed.LastId
        $workflow = New-EmulatorWorkflow
        Clear-EmulatorRequest
    }

    It 'posts emitter_id, listener_id and event_name in the query string and writes the Subscription' {
        $subscription = New-PdSubscription -EmitterId $source1 -ListenerId $workflow -EventName '$errors'

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'POST'
        $requests[0].Path | Should -Be '/v1/subscriptions'
        $query = ConvertFrom-TestQuery $requests[0].Query
        $query['emitter_id'] | Should -Be $source1
        $query['listener_id'] | Should -Be $workflow
        $query['event_name'] | Should -Be '$errors'

        Test-PdTypeName $subscription 'Subscription' | Should -BeTrue
        $subscription.Id | Should -Match '^sub_'
        $subscription.EmitterId | Should -Be $source1
        $subscription.ListenerId | Should -Be $workflow
        $subscription.EventName | Should -Be '$errors'
        $stored = Get-TestSubscription
        $stored.id | Should -Be @($subscription.Id)
        $stored[0].event_name | Should -Be '$errors'
    }

    It 'accepts the emitter glob <Glob>' -TestCases @(@{ Glob = 'p_*' }, @{ Glob = 'dc_*' }) {
        $subscription = New-PdSubscription -EmitterId $Glob -ListenerId $source2

        (ConvertFrom-TestQuery (@(Get-EmulatorRequest)[0]).Query)['emitter_id'] | Should -Be $Glob
        $subscription.EmitterId | Should -Be $Glob
        (Get-TestSubscription).emitter_id | Should -Be @($Glob)
    }

    It 'binds -EmitterId from the Id of piped objects, so Get-PdSource | New-PdSubscription works' {
        $subscriptions = @(Get-PdSource | New-PdSubscription -ListenerId $workflow)

        $subscriptions.EmitterId | Should -Be @($source1, $source2)
        $posts = @(Get-EmulatorRequest | Where-Object Method -eq 'POST')
        $posts.Count | Should -Be 2
        ($posts | ForEach-Object { (ConvertFrom-TestQuery $_.Query)['emitter_id'] }) | Should -Be @($source1, $source2)
        @(Get-TestSubscription | Where-Object listener_id -eq $workflow).emitter_id | Should -Be @($source1, $source2)
    }

    It 'sends nothing and subscribes nothing with -WhatIf' {
        $result = New-PdSubscription -EmitterId $source1 -ListenerId $workflow -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        Get-TestSubscription | Should -BeNullOrEmpty
    }

    It 'writes a non-terminating ObjectNotFound error for a missing emitter and goes on' {
        $subscriptions = @(
            [pscustomobject]@{ Id = 'dc_missing1' },
            [pscustomobject]@{ Id = $source1 }
        ) | New-PdSubscription -ListenerId $workflow -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $subscriptions.EmitterId | Should -Be @($source1)
        (Get-TestSubscription).emitter_id | Should -Be @($source1)
    }

    It 'rejects -<Parameter> <Value> before any request' -TestCases @(
        @{ Parameter = 'EmitterId'; Value = '   ' },
        @{ Parameter = 'EmitterId'; Value = 'sc_abc123' },
        @{ Parameter = 'ListenerId'; Value = '' },
        @{ Parameter = 'ListenerId'; Value = 'o_emulator' }
    ) {
        $params = @{ EmitterId = $source1; ListenerId = $workflow; ErrorAction = 'Stop' }
        $params[$Parameter] = $Value

        Get-ThrownErrorText { New-PdSubscription @params } | Should -MatchExactly "\b$Parameter\b"
        @(Get-EmulatorRequest).Count | Should -Be 0
        Get-TestSubscription | Should -BeNullOrEmpty
    }

    It 'offers default, $errors and $logs for -EventName on Tab' {
        $offered = Get-TestCompletion 'New-PdSubscription -EventName '

        $offered | Should -Contain 'default'
        $offered | Should -Contain '$errors'
        $offered | Should -Contain '$logs'
    }
}

Describe 'New-PdAutoSubscription' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $listener = New-EmulatorWorkflow
        Clear-EmulatorRequest
    }

    It 'posts listener_id and event_name in the query string and writes what the API returns' {
        $result = New-PdAutoSubscription -ListenerId $listener -EventName '$errors'

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'POST'
        $requests[0].Path | Should -Be '/v1/auto_subscriptions'
        $query = ConvertFrom-TestQuery $requests[0].Query
        $query['listener_id'] | Should -Be $listener
        $query['event_name'] | Should -Be '$errors'
        $result | Should -Not -BeNullOrEmpty
        ($result | ConvertTo-Json -Depth 5 -Compress) | Should -Match ([regex]::Escape($listener))

        # From now on, new workflows deliver their errors to the listener.
        $newWorkflow = New-EmulatorWorkflow
        $auto = @(Get-TestSubscription | Where-Object emitter_id -eq $newWorkflow)
        $auto.listener_id | Should -Be @($listener)
        $auto.event_name | Should -Be @('$errors')
    }

    It 'binds -ListenerId and -EventName from piped properties' {
        $null = [pscustomobject]@{ ListenerId = $listener; EventName = '$logs' } | New-PdAutoSubscription

        $query = ConvertFrom-TestQuery (@(Get-EmulatorRequest)[0]).Query
        $query['listener_id'] | Should -Be $listener
        $query['event_name'] | Should -Be '$logs'
    }

    It 'binds -ListenerId from the Id of a piped webhook, so Get-PdWebhook | New-PdAutoSubscription works' {
        $webhook = (Invoke-TestApi -Method POST -Path 'webhooks?url=https%3A%2F%2Fexample.com%2Fhook').data
        Clear-EmulatorRequest

        $null = Get-PdWebhook | New-PdAutoSubscription -EventName '$errors'

        $post = @(Get-EmulatorRequest | Where-Object Method -eq 'POST')
        $post.Count | Should -Be 1
        $query = ConvertFrom-TestQuery $post[0].Query
        $query['listener_id'] | Should -Be $webhook.id
        $query['event_name'] | Should -Be '$errors'
    }

    It 'sends nothing with -WhatIf' {
        $result = New-PdAutoSubscription -ListenerId $listener -EventName '$errors' -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
        $null = New-EmulatorWorkflow
        Get-TestSubscription | Should -BeNullOrEmpty
    }

    It 'rejects -ListenerId <ListenerId> before any request' -TestCases @(@{ ListenerId = ' ' }, @{ ListenerId = 'u_emulator' }) {
        Get-ThrownErrorText { New-PdAutoSubscription -ListenerId $ListenerId -EventName '$errors' -ErrorAction Stop } |
            Should -MatchExactly '\bListenerId\b'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'offers default, $errors and $logs for -EventName on Tab' {
        $offered = Get-TestCompletion 'New-PdAutoSubscription -EventName '

        $offered | Should -Contain 'default'
        $offered | Should -Contain '$errors'
        $offered | Should -Contain '$logs'
    }
}

Describe 'Remove-PdSubscription' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'sub-'
        $source1, $source2 = $seed.FirstId, $seed.LastId
        $workflow = New-EmulatorWorkflow
        $named = New-TestSubscription -EmitterId $source1 -ListenerId $workflow -EventName 'default'
        $unnamed = New-TestSubscription -EmitterId $source2 -ListenerId $workflow
        Clear-EmulatorRequest
    }

    It 'deletes with emitter_id, listener_id and event_name in the query string, without a prompt' {
        # ConfirmImpact Medium: no -Confirm:$false needed at the default $ConfirmPreference.
        $result = Remove-PdSubscription -EmitterId $source1 -ListenerId $workflow -EventName 'default'

        $result | Should -BeNullOrEmpty
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 1
        $requests[0].Method | Should -Be 'DELETE'
        $requests[0].Path | Should -Be '/v1/subscriptions'
        $query = ConvertFrom-TestQuery $requests[0].Query
        $query['emitter_id'] | Should -Be $source1
        $query['listener_id'] | Should -Be $workflow
        $query['event_name'] | Should -Be 'default'
        (Get-TestSubscription).id | Should -Be @($unnamed.id)
    }

    It 'sends an empty event_name= for a subscription without an event name' {
        Remove-PdSubscription -EmitterId $source2 -ListenerId $workflow

        $request = @(Get-EmulatorRequest)[0]
        $query = ConvertFrom-TestQuery $request.Query
        $query.ContainsKey('event_name') | Should -BeTrue
        $query['event_name'] | Should -Be ''
        (Get-TestSubscription).id | Should -Be @($named.id)
    }

    It 'binds EmitterId, ListenerId and an empty EventName from piped subscriptions' {
        @(
            [pscustomobject]@{ EmitterId = $source2; ListenerId = $workflow; EventName = '' },
            [pscustomobject]@{ EmitterId = $source1; ListenerId = $workflow; EventName = 'default' }
        ) | Remove-PdSubscription

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 2
        (ConvertFrom-TestQuery $requests[0].Query)['event_name'] | Should -Be ''
        (ConvertFrom-TestQuery $requests[1].Query)['event_name'] | Should -Be 'default'
        Get-TestSubscription | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        Remove-PdSubscription -EmitterId $source1 -ListenerId $workflow -EventName 'default' -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSubscription).Count | Should -Be 2
    }

    It 'writes a non-terminating ObjectNotFound error for a subscription that does not exist and goes on' {
        @(
            [pscustomobject]@{ EmitterId = $source1; ListenerId = $workflow; EventName = '$logs' },
            [pscustomobject]@{ EmitterId = $source1; ListenerId = $workflow; EventName = 'default' }
        ) | Remove-PdSubscription -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-TestSubscription).id | Should -Be @($unnamed.id)
    }

    It 'rejects -<Parameter> <Value> before any request' -TestCases @(
        @{ Parameter = 'EmitterId'; Value = ' ' },
        @{ Parameter = 'ListenerId'; Value = 'sc_abc123' }
    ) {
        $params = @{ EmitterId = $source1; ListenerId = $workflow; EventName = 'default'; ErrorAction = 'Stop' }
        $params[$Parameter] = $Value

        Get-ThrownErrorText { Remove-PdSubscription @params } | Should -MatchExactly "\b$Parameter\b"
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-TestSubscription).Count | Should -Be 2
    }
}
