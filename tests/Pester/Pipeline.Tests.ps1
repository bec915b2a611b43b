BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = Connect-TestAccount

    # Requests that could have changed something.
    function Get-TestChangeRequest { @(Get-EmulatorRequest | Where-Object Method -ne 'GET') }

    $script:ComponentCode = @'
module.exports = {
  key: "pester-pipeline",
  name: "Pester Pipeline",
  version: "0.0.3",
  props: {},
  async run(event) {
    this.$emit(event);
  },
};
'@
}

Describe 'Pipelines' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
    }

    It 'Get-PdSource | Get-PdEvent lists the events of every source' {
        $null = New-EmulatorSource -Count 3 -NamePrefix 'feed-'
        $sources = @(Get-TestSource)
        $a = @(Send-EmulatorEvent -EmitterId $sources[0].id -Event @{ n = 'a' } -Count 2)
        $c = @(Send-EmulatorEvent -EmitterId $sources[2].id -Event @{ n = 'c' })
        Clear-EmulatorRequest

        $events = @(Get-PdSource | Get-PdEvent)

        $events.Count | Should -Be 3
        @($events | Where-Object SourceId -eq $sources[0].id).Id | Should -Be @($a[1], $a[0])
        @($events | Where-Object SourceId -eq $sources[2].id).Id | Should -Be @($c[0])
        @($events | Where-Object SourceId -eq $sources[1].id) | Should -BeNullOrEmpty
        ($events | Where-Object SourceId -eq $sources[2].id).Event.n | Should -Be 'c'

        $requests = @(Get-EmulatorRequest)
        $requests[0].Path | Should -Be '/v1/users/me/sources'
        @($requests | Where-Object Path -like '*/event_summaries').Path | Should -Be @(
            $sources | ForEach-Object { "/v1/sources/$($_.id)/event_summaries" })
        Get-TestChangeRequest | Should -BeNullOrEmpty
        (Get-TestEventId $sources[0].id).Count | Should -Be 2
    }

    It 'Get-PdEvent -SourceId dc_x | Remove-PdEvent deletes each listed event, one by one' {
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'feed-'
        $target, $bystander = $seed.FirstId, $seed.LastId
        $ids = @(Send-EmulatorEvent -EmitterId $target -Event @{ n = 1 } -Count 4)
        $null = Send-EmulatorEvent -EmitterId $bystander -Event @{ n = 2 } -Count 2
        Clear-EmulatorRequest

        # -Force: the suite runs non-interactively and Remove-PdEvent is ConfirmImpact High.
        Get-PdEvent -SourceId $target | Remove-PdEvent -Force

        $deletes = Get-TestChangeRequest
        $deletes.Count | Should -Be 4
        foreach ($d in $deletes) {
            $d.Method | Should -Be 'DELETE'
            $d.Path | Should -Be "/v1/sources/$target/events"
            $query = ConvertFrom-TestQuery $d.Query
            $query['start_id'] | Should -Not -BeNullOrEmpty
            $query['end_id'] | Should -Be $query['start_id']
        }
        @($deletes | ForEach-Object { (ConvertFrom-TestQuery $_.Query)['start_id'] } | Sort-Object) |
            Should -Be @($ids | Sort-Object)
        Get-TestEventId $target | Should -BeNullOrEmpty
        (Get-TestEventId $bystander).Count | Should -Be 2
    }

    It "Get-PdSource -Name 'rss-*' | Disable-PdSource disables only the matching sources" {
        $null = New-EmulatorSource -Count 3 -NamePrefix 'rss-'
        $null = New-EmulatorSource -Count 2 -NamePrefix 'other-'
        $before = Get-TestSource
        @($before | Where-Object active -ne $true) | Should -BeNullOrEmpty
        $rssIds = @($before | Where-Object name -like 'rss-*' | ForEach-Object id)
        $rssIds.Count | Should -Be 3
        Clear-EmulatorRequest

        Get-PdSource -Name 'rss-*' | Disable-PdSource

        $puts = Get-TestChangeRequest
        $puts.Method | Should -Be @('PUT', 'PUT', 'PUT')
        $puts.Path | Should -Be @($rssIds | ForEach-Object { "/v1/sources/$_" })
        @($puts.Body | ConvertFrom-Json).active | Should -Be @($false, $false, $false)
        $after = Get-TestSource
        @($after | Where-Object active -eq $false).id | Should -Be $rssIds
        @($after | Where-Object name -like 'other-*' | Where-Object active -eq $true).Count | Should -Be 2
    }

    It 'Get-PdSource | Remove-PdEvent -All deletes the events of every source' {
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'feed-'
        $seedIds = $seed.FirstId, $seed.LastId
        foreach ($id in $seedIds) { $null = Send-EmulatorEvent -EmitterId $id -Event @{ n = 1 } -Count 3 }
        Clear-EmulatorRequest

        Get-PdSource | Remove-PdEvent -All -Force

        @(Get-TestChangeRequest | ForEach-Object { "$($_.Method) $($_.Path) $($_.Query)" }) | Should -Be @(
            $seedIds | ForEach-Object { "DELETE /v1/sources/$_/events " })
        foreach ($id in $seedIds) { @(Get-TestEventId $id) | Should -BeNullOrEmpty }
    }

    It 'Get-PdSource | Remove-PdSource -WhatIf removes nothing and sends no change' {
        $null = New-EmulatorSource -Count 3 -NamePrefix 'keep-'
        $before = @((Get-TestSource).id)
        Clear-EmulatorRequest

        Get-PdSource | Remove-PdSource -WhatIf

        @(Get-EmulatorRequest).Path | Should -Be @('/v1/users/me/sources')
        Get-TestChangeRequest | Should -BeNullOrEmpty
        @((Get-TestSource).id) | Should -Be $before
    }

    It 'Get-PdSource | Remove-PdSource -Force removes every source' {
        $null = New-EmulatorSource -Count 3 -NamePrefix 'gone-'
        $before = @((Get-TestSource).id)
        Clear-EmulatorRequest

        Get-PdSource | Remove-PdSource -Force

        (Get-TestChangeRequest).Path | Should -Be @($before | ForEach-Object { "/v1/sources/$_" })
        Get-TestSource | Should -BeNullOrEmpty
    }

    It 'Get-PdSubscription | Where-Object ListenerId -eq p_x | Remove-PdSubscription removes only those' {
        $seed = New-EmulatorSource -Count 2 -NamePrefix 'feed-'
        $source1, $source2 = $seed.FirstId, $seed.LastId
        $listener = New-EmulatorWorkflow
        $other = New-EmulatorWorkflow
        $null = New-TestSubscription -EmitterId $source1 -ListenerId $listener
        $null = New-TestSubscription -EmitterId $source2 -ListenerId $listener -EventName '$errors'
        $kept = New-TestSubscription -EmitterId $source1 -ListenerId $other
        Clear-EmulatorRequest

        Get-PdSubscription | Where-Object ListenerId -eq $listener | Remove-PdSubscription

        $deletes = Get-TestChangeRequest
        $deletes.Count | Should -Be 2
        $deletes.Method | Should -Be @('DELETE', 'DELETE')
        $deletes.Path | Should -Be @('/v1/subscriptions', '/v1/subscriptions')
        $first = ConvertFrom-TestQuery $deletes[0].Query
        $first['emitter_id'] | Should -Be $source1
        $first['listener_id'] | Should -Be $listener
        $first.ContainsKey('event_name') | Should -BeTrue
        $first['event_name'] | Should -Be ''
        (ConvertFrom-TestQuery $deletes[1].Query)['event_name'] | Should -Be '$errors'
        (Get-TestSubscription).id | Should -Be @($kept.id)
    }

    It 'Get-PdSource | Get-PdComponent gets the component of every source' {
        $saved = Invoke-TestApi -Method POST -Path sources -Body @{ component_code = $ComponentCode; name = 'own-code' }
        $registry = Invoke-TestApi -Method POST -Path sources -Body @{
            component_key    = 'rss-new-item-in-feed'
            name             = 'from-registry'
            configured_props = @{ url = 'https://rss.example.com/feed'; timer = @{ intervalSeconds = 60 } }
        }
        Clear-EmulatorRequest

        $components = @(Get-PdSource | Get-PdComponent)

        $components.Id | Should -Be @($saved.data.component_id, $registry.data.component_id)
        $components[0].Name | Should -Be 'Pester Pipeline'
        $components[0].Code | Should -BeExactly $ComponentCode
        $components[1].Name | Should -Be 'rss'
        @(Get-EmulatorRequest | Where-Object Path -like '/v1/components/*').Path | Should -Be @(
            "/v1/components/$($saved.data.component_id)", "/v1/components/$($registry.data.component_id)")
        Get-TestChangeRequest | Should -BeNullOrEmpty
        (Get-TestSource).Count | Should -Be 2
    }

    It 'Get-PdSource | New-PdSubscription -ListenerId p_x subscribes the listener to every source' {
        $null = New-EmulatorSource -Count 3 -NamePrefix 'feed-'
        $sourceIds = @((Get-TestSource).id)
        $sourceIds.Count | Should -Be 3
        $listener = New-EmulatorWorkflow
        Clear-EmulatorRequest

        $subscriptions = @(Get-PdSource | New-PdSubscription -ListenerId $listener -EventName 'default')

        $subscriptions.EmitterId | Should -Be $sourceIds
        $posts = Get-TestChangeRequest
        $posts.Method | Should -Be @('POST', 'POST', 'POST')
        $posts.Path | Should -Be @('/v1/subscriptions', '/v1/subscriptions', '/v1/subscriptions')
        @($posts | ForEach-Object { (ConvertFrom-TestQuery $_.Query)['emitter_id'] }) | Should -Be $sourceIds
        @($posts | ForEach-Object { (ConvertFrom-TestQuery $_.Query)['listener_id'] } | Select-Object -Unique) | Should -Be @($listener)
        $state = Get-TestSubscription
        $state.id | Should -Be $subscriptions.Id
        $state.emitter_id | Should -Be $sourceIds
        @($state.listener_id | Select-Object -Unique) | Should -Be @($listener)
        @($state.event_name | Select-Object -Unique) | Should -Be @('default')
    }

    It 'Get-PdWebhook | Remove-PdWebhook removes nothing with -WhatIf and every webhook with -Force' {
        $hooks = @(1..3 | ForEach-Object {
                (Invoke-TestApi -Method POST -Path ('webhooks?url=' + [uri]::EscapeDataString("https://hook$_.example.com/in"))).data })
        Clear-EmulatorRequest

        Get-PdWebhook | Remove-PdWebhook -WhatIf
        Get-TestChangeRequest | Should -BeNullOrEmpty
        @((Invoke-TestApi -Path 'users/me/webhooks?limit=100').data).id | Should -Be $hooks.id

        Get-PdWebhook | Remove-PdWebhook -Force

        (Get-TestChangeRequest).Path | Should -Be @($hooks | ForEach-Object { "/v1/webhooks/$($_.id)" })
        (Get-TestChangeRequest).Method | Should -Be @('DELETE', 'DELETE', 'DELETE')
        (Invoke-TestApi -Path 'users/me/webhooks?limit=100').data | Should -BeNullOrEmpty
    }

    It "Get-PdOrg | Get-PdSubscription lists the org's subscriptions" {
        $seed = New-EmulatorSource -Count 1 -NamePrefix 'feed-'
        $workflow = New-EmulatorWorkflow
        $orgSub = New-TestSubscription -EmitterId 'dc_*' -ListenerId $workflow -EventName '$errors' -OrgId 'o_emulator'
        $mine = New-TestSubscription -EmitterId $seed.FirstId -ListenerId $workflow
        Clear-EmulatorRequest

        $subscriptions = @(Get-PdOrg | Get-PdSubscription)

        $subscriptions.Id | Should -Be @($orgSub.id)
        $subscriptions[0].EmitterId | Should -Be 'dc_*'
        $subscriptions[0].ListenerId | Should -Be $workflow
        $subscriptions[0].EventName | Should -Be '$errors'
        @(Get-EmulatorRequest).Path | Should -Contain '/v1/orgs/o_emulator/subscriptions'
        @(Get-EmulatorRequest).Path | Should -Not -Contain '/v1/users/me/subscriptions'
        Get-TestChangeRequest | Should -BeNullOrEmpty
        (Get-TestSubscription -OrgId 'o_emulator').id | Should -Be @($orgSub.id)
        (Get-TestSubscription).id | Should -Be @($mine.id)
    }
}
