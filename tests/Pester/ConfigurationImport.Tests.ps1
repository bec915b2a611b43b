# Import-PdConfiguration: the round trip into another account, idempotence counted in the request
# log, -WhatIf, -Prune and its absence, a webhook Replace, a partial failure and its re-run,
# a 429 storm on the creates, -WorkflowMap, -OrgId and -Include.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    function Initialize-Account {
        Reset-Emulator
        $null = New-EmulatorSource -Count 3 -NamePrefix 'feed'
        $script:Connection = Connect-TestAccount
        $script:Sources = @(Get-PdSource -All | Sort-Object Name)
        $script:Workflow = New-EmulatorWorkflow
        $null = New-PdSubscription -EmitterId $Sources[0].Id -ListenerId $Workflow -EventName 'update'
        $script:Hook = New-PdWebhook -Name 'ops-hook' -Url 'https://example.com/hook' -Description 'ops'
        $null = New-PdSubscription -EmitterId $Sources[1].Id -ListenerId $Hook.Id
        $script:File = Join-Path $TestDrive 'account.json'
        Export-PdConfiguration -Path $File
    }

    # A fresh user with a workflow of its own, connected; the file's workflow id mapped onto it.
    function Connect-EmptyUser {
        $user = New-EmulatorUser -Username "imp$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script:Other = $user
        $script:OtherWorkflow = New-EmulatorWorkflow -OwnerId $user.id
        $null = Connect-TestAccount -ApiKey $user.api_key
    }

    function Get-Write { @(Get-EmulatorRequest | Where-Object Method -in 'POST', 'PUT', 'DELETE' | Where-Object Path -notlike '/_emulator*') }

    # The document without its owner and the ids that differ between accounts, for comparing.
    function ConvertTo-Comparable([string] $Text) {
        $doc = $Text | ConvertFrom-Json
        $doc.PSObject.Properties.Remove('owner')
        foreach ($s in @($doc.sources)) { if ($s.component) { $s.component.PSObject.Properties.Remove('id') } }
        $doc | ConvertTo-Json -Depth 20
    }
}

Describe 'Import-PdConfiguration' {
    BeforeEach { Initialize-Account }

    It 'copies an account into an empty one: exporting there gives the same document apart from the owner' {
        Connect-EmptyUser
        $result = @(Import-PdConfiguration -Path $File -WorkflowMap @{ $Workflow = $OtherWorkflow } -ErrorAction Stop)
        $result.Count | Should -Be 6
        $result.Result | Sort-Object -Unique | Should -Be 'Done'
        # The table says what was done to each, within 80 columns.
        $lines = ($result | Out-String -Width 80) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Action\s+Kind\s+Name\s+Result\s*$'
        @($lines | Where-Object { $_ -match '^Create\s+\S+.*\sDone\s*$' }).Count | Should -Be 6
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $text = (Export-PdConfiguration) -replace [regex]::Escape($OtherWorkflow), $Workflow
        ConvertTo-Comparable $text | Should -Be (ConvertTo-Comparable (Get-Content $File -Raw))
    }

    It 'sends no write for the file just exported, nor on a second import' {
        Connect-EmptyUser
        $null = Import-PdConfiguration -Path $File -WorkflowMap @{ $Workflow = $OtherWorkflow } -ErrorAction Stop
        Clear-EmulatorRequest
        @(Import-PdConfiguration -Path $File -WorkflowMap @{ $Workflow = $OtherWorkflow } -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty
        Export-PdConfiguration -Path (Join-Path $TestDrive 'there.json')
        Clear-EmulatorRequest
        @(Import-PdConfiguration -Path (Join-Path $TestDrive 'there.json') -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty
    }

    It '-WhatIf sends only reads' {
        Connect-EmptyUser
        Clear-EmulatorRequest
        $out = @(Import-PdConfiguration -Path $File -WorkflowMap @{ $Workflow = $OtherWorkflow } -WhatIf)
        $out | Should -BeNullOrEmpty
        Get-Write | Should -BeNullOrEmpty
        @(Get-PdSource -All) | Should -BeNullOrEmpty
    }

    It 'deletes nothing without -Prune, with one warning counting what the file does not hold' {
        $null = New-PdWebhook -Name 'extra-hook' -Url 'https://example.com/extra'
        $null = Remove-PdSubscription -EmitterId $Sources[1].Id -ListenerId $Hook.Id -Confirm:$false
        $null = New-PdSubscription -EmitterId $Sources[2].Id -ListenerId $Workflow
        Clear-EmulatorRequest
        $out = @(Import-PdConfiguration -Path $File -ErrorAction Stop -WarningVariable warnings 3>$null)
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match '2 items'
        @(Get-EmulatorRequest | Where-Object Method -eq 'DELETE') | Should -BeNullOrEmpty
        $out.Name | Should -Be "source:$($Sources[1].Name) -> webhook:ops-hook"
        $out.Result | Should -Be 'Done'
    }

    It '-Prune -Force deletes what the file does not hold, subscriptions first; -WhatIf still wins' {
        $extra = New-PdWebhook -Name 'extra-hook' -Url 'https://example.com/extra'
        $null = New-PdSubscription -EmitterId $Sources[2].Id -ListenerId $extra.Id
        Clear-EmulatorRequest
        $null = Import-PdConfiguration -Path $File -Prune -Force -WhatIf
        Get-Write | Should -BeNullOrEmpty
        $out = @(Import-PdConfiguration -Path $File -Prune -Force -ErrorAction Stop -WarningAction Stop)
        $out.Action | Should -Be 'Remove', 'Remove'
        $out.Kind | Should -Be 'Subscription', 'Webhook'
        $deletes = @(Get-EmulatorRequest | Where-Object Method -eq 'DELETE')
        $deletes[0].Path | Should -BeLike '/v1/subscriptions*'
        $deletes[1].Path | Should -Be "/v1/webhooks/$($extra.Id)"
        Test-PdConfiguration -Path $File | Should -BeTrue
    }

    It 'replaces a changed webhook and keeps its subscriptions' {
        $doc = Get-Content $File -Raw | ConvertFrom-Json
        $doc.webhooks[0].url = 'https://example.com/new-hook'
        $doc | ConvertTo-Json -Depth 20 | Set-Content $File
        $out = @(Import-PdConfiguration -Path $File -ErrorAction Stop)
        $out.Action | Should -Be 'Replace'
        $out.Result | Should -Be 'Done'
        $hooks = @(Get-PdWebhook -All)
        $hooks.Count | Should -Be 1
        $hooks[0].Url | Should -Be 'https://example.com/new-hook'
        $hooks[0].Id | Should -Not -Be $Hook.Id
        @(Get-PdSubscription -All | Where-Object ListenerId -eq $hooks[0].Id).EmitterId | Should -Be $Sources[1].Id
        @(Get-PdSubscription -All | Where-Object ListenerId -eq $Hook.Id) | Should -BeNullOrEmpty
        Test-PdConfiguration -Path $File | Should -BeTrue
    }

    It 'keeps going past a failed source, skips what depends on it, and a re-run finishes without duplicates' {
        Connect-EmptyUser
        $null = Add-EmulatorFault -Method POST -Path '/v1/sources' -Status 400 -Count 1
        $map = @{ $Workflow = $OtherWorkflow }
        $out = @(Import-PdConfiguration -Path $File -WorkflowMap $map -ThrottleLimit 1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($failures).Count | Should -Be 1
        ($out | Where-Object Result -like 'Failed*').Name | Should -Be $Sources[0].Name
        ($out | Where-Object Result -like 'Skipped because*').Name | Should -Be "source:$($Sources[0].Name) -> $OtherWorkflow (update)"
        @($out | Where-Object Result -eq 'Done').Count | Should -Be 4
        Clear-EmulatorFault
        $again = @(Import-PdConfiguration -Path $File -WorkflowMap $map -ErrorAction Stop)
        $again.Result | Sort-Object -Unique | Should -Be 'Done'
        $again.Count | Should -Be 2
        @(Get-PdSource -All).Count | Should -Be 3
        @(Get-PdSource -All | Group-Object Name | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }

    It 'stops writing after the API refuses the key: the rest is skipped, not sent' {
        Connect-EmptyUser
        Clear-EmulatorRequest
        $null = Add-EmulatorFault -Method POST -Path '/v1/sources' -Status 401 -Count 1000
        $map = @{ $Workflow = $OtherWorkflow }
        $out = @(Import-PdConfiguration -Path $File -WorkflowMap $map -ThrottleLimit 1 -ErrorVariable failures -ErrorAction SilentlyContinue 3>$null)
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PdUnauthorized*'
        @(Get-EmulatorRequest -Method POST -Path '/v1/sources').Count | Should -Be 1
        @(Get-EmulatorRequest -Method POST -Path '/v1/subscriptions') | Should -BeNullOrEmpty
        @($out | Where-Object Result -like 'Failed*').Count | Should -Be 1
        $skipped = @($out | Where-Object Result -like 'Skipped because the API refused the key (401 at *')
        $skipped.Count | Should -Be ($out.Count - 2)
        ($out | Where-Object Kind -EQ 'Webhook').Result | Should -Be 'Done'
    }

    It 'slows down under a 429 storm on its creates, stops each within its budget, and a re-run creates each source once' {
        Connect-EmptyUser
        $Connection = Get-PdContext
        $Connection.MaxRetries = 2
        $Connection.MaxRetryWaitSeconds = 3
        Clear-EmulatorRequest
        $null = Add-EmulatorFault -Method POST -Path '/v1/sources' -Status 429 -RetryAfter 1 -Count 1000
        $map = @{ $Workflow = $OtherWorkflow }
        $out = @(Import-PdConfiguration -Path $File -WorkflowMap $map -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue)
        # Three sources, each tried at most once plus MaxRetries: never a hammering.
        $posts = @(Get-EmulatorRequest -Method POST -Path '/v1/sources')
        $posts.Count | Should -BeGreaterOrEqual 3
        $posts.Count | Should -BeLessOrEqual 9
        @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'PdRateLimited*' }).Count | Should -BeGreaterOrEqual 1
        @($out | Where-Object { $_.Kind -eq 'Source' -and $_.Result -eq 'Done' }) | Should -BeNullOrEmpty
        Clear-EmulatorFault
        $null = Import-PdConfiguration -Path $File -WorkflowMap $map -ErrorAction Stop
        @(Get-PdSource -All).Count | Should -Be 3
        @(Get-PdSource -All | Group-Object Name | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }

    Context 'a read that fails between stages, after the webhooks are written' {
        BeforeEach {
            # Sources known only by their component key: the import must look the key up (a GET)
            # after it has created the webhook.
            $doc = Get-Content $File -Raw | ConvertFrom-Json
            foreach ($s in $doc.sources) { $s.component = [pscustomobject]@{ key = 'http-new-requests' } }
            $doc.components = @()
            $doc | ConvertTo-Json -Depth 20 | Set-Content $File
            Connect-EmptyUser
            $context = Get-PdContext
            $context.MaxRetries = 1
            $context.MaxRetryWaitSeconds = 2
            $script:Map = @{ $Workflow = $OtherWorkflow }
        }

        It 'a <Status> on the component lookup skips the sources and their subscriptions, never creates twice, and a re-run finishes' -ForEach @(
            @{ Status = 503; ErrorId = 'PdServerError'; SourceSkip = "Skipped because component 'http-new-requests' could not be looked up; nothing was created for it."; SubscriptionSkip = "Skipped because Source '*' was not written." }
            @{ Status = 429; ErrorId = 'PdRateLimited'; SourceSkip = "Skipped because component 'http-new-requests' could not be looked up; nothing was created for it."; SubscriptionSkip = "Skipped because Source '*' was not written." }
            # A refused key fails every write after it: the rest of the run is skipped for that reason.
            @{ Status = 401; ErrorId = 'PdUnauthorized'; SourceSkip = "Skipped because the API refused the key (401 at component 'http-new-requests')."; SubscriptionSkip = "Skipped because the API refused the key (401 at component 'http-new-requests')." }
        ) {
            Clear-EmulatorRequest
            $null = Add-EmulatorFault -Method GET -Path '/v1/components/http-new-requests' -Status $Status -RetryAfter 1 -Count 1000
            $out = @(Import-PdConfiguration -Path $File -WorkflowMap $Map -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warnings 3>$null)

            # The webhook was written before the read failed; nothing after it was sent.
            ($out | Where-Object Kind -EQ 'Webhook').Result | Should -Be 'Done'
            @(Get-EmulatorRequest -Method POST -Path '/v1/webhooks').Count | Should -Be 1
            @(Get-EmulatorRequest -Method POST -Path '/v1/sources') | Should -BeNullOrEmpty
            @(Get-EmulatorRequest -Method POST -Path '/v1/subscriptions') | Should -BeNullOrEmpty
            # The failed read is one error with the API's own id, saying where the import was and what it had done.
            @($failures).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId*"
            $failures[0].TargetObject | Should -Be "component 'http-new-requests'"
            "$($failures[0])" | Should -BeLike '*Import stage: components. 1 change was done before this*'
            # Its dependants are Skipped with the reason, never taken for an absent component.
            $sources = @($out | Where-Object Kind -EQ 'Source')
            $sources.Count | Should -Be 3
            $sources.Result | Sort-Object -Unique | Should -Be $SourceSkip
            @($out | Where-Object Kind -EQ 'Subscription').Result | ForEach-Object { $_ | Should -BeLike $SubscriptionSkip }
            $warnings | Should -HaveCount 1
            "$($warnings[0])" | Should -BeLike '1 of 6 changes were made; 0 failed, 5 skipped*'

            Clear-EmulatorFault
            Clear-EmulatorRequest
            $again = @(Import-PdConfiguration -Path $File -WorkflowMap $Map -ErrorAction Stop -WarningAction Stop)
            $again.Kind | Should -Not -Contain 'Webhook'
            $again.Result | Sort-Object -Unique | Should -Be 'Done'
            @(Get-EmulatorRequest -Method POST -Path '/v1/webhooks') | Should -BeNullOrEmpty
            @(Get-EmulatorRequest -Method POST -Path '/v1/sources').Count | Should -Be 3
            @(Get-PdWebhook -All).Count | Should -Be 1
            @(Get-PdSource -All).Count | Should -Be 3
            @(Get-PdSubscription -All).Count | Should -Be 2
        }

        It 'deploys by the id the key is looked up to, never by component_key' {
            Clear-EmulatorRequest
            $null = Import-PdConfiguration -Path $File -WorkflowMap $Map -ErrorAction Stop
            @(Get-EmulatorRequest -Method GET -Path '/v1/components/http-new-requests').Count | Should -Be 1
            $posts = @(Get-EmulatorRequest -Method POST -Path '/v1/sources')
            $posts.Count | Should -Be 3
            foreach ($post in $posts) {
                $body = $post.Body | ConvertFrom-Json
                $body.PSObject.Properties.Name | Should -Not -Contain 'component_key'
                $body.component_id | Should -Be 'sc_httpReq'
            }
            # Matched by key from then on: a second import changes nothing.
            Clear-EmulatorRequest
            @(Import-PdConfiguration -Path $File -WorkflowMap $Map -ErrorAction Stop) | Should -BeNullOrEmpty
            Get-Write | Should -BeNullOrEmpty
        }

        It 'a key found neither in the account nor in the registry is a clear PdNotFound, and its sources are skipped' {
            $doc = Get-Content $File -Raw | ConvertFrom-Json
            $doc.sources[0].component.key = 'no-such-component'
            $doc | ConvertTo-Json -Depth 20 | Set-Content $File
            $out = @(Import-PdConfiguration -Path $File -WorkflowMap $Map -ErrorVariable failures -ErrorAction SilentlyContinue 3>$null)
            @($failures).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound*'
            "$($failures[0])" | Should -BeLike "Component 'no-such-component' was found neither in the account nor in the registry*"
            ($out | Where-Object Name -EQ $Sources[0].Name).Result | Should -BeLike "Skipped because component 'no-such-component'*"
            @($out | Where-Object { $_.Kind -eq 'Source' -and $_.Result -eq 'Done' }).Count | Should -Be 2
        }
    }

    It 'reports a workflow that does not exist as a failed subscription' {
        Connect-EmptyUser
        $out = @(Import-PdConfiguration -Path $File -WorkflowMap @{ $Workflow = 'p_doesnotexist' } -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($failures).Count | Should -Be 1
        $failed = @($out | Where-Object Result -like 'Failed*')
        $failed.Kind | Should -Be 'Subscription'
        $failed.Name | Should -Be "source:$($Sources[0].Name) -> p_doesnotexist (update)"
    }

    It '-Include Webhook imports the webhooks only' {
        Connect-EmptyUser
        $out = @(Import-PdConfiguration -Path $File -Include Webhook -ErrorAction Stop)
        $out.Kind | Should -Be 'Webhook'
        @(Get-PdWebhook -All).Name | Should -Be 'ops-hook'
        @(Get-PdSource -All) | Should -BeNullOrEmpty
        @(Get-PdSubscription -All) | Should -BeNullOrEmpty
    }

    It 'refuses a source to create whose secret has no value, before any write' {
        $doc = Get-Content $File -Raw | ConvertFrom-Json
        $doc.sources[0].props | Add-Member -NotePropertyName token -NotePropertyValue ([pscustomobject]@{ '$secret' = 'x.token' })
        $doc | ConvertTo-Json -Depth 20 | Set-Content $File
        Connect-EmptyUser
        Clear-EmulatorRequest
        { Import-PdConfiguration -Path $File -ErrorAction Stop } | Should -Throw -ErrorId 'PdInvalidConfiguration*'
        Get-Write | Should -BeNullOrEmpty
    }

    It 'fills a secret from -Secret on create, and keeps the live value on update' {
        $null = New-PdSource -ComponentKey 'http-new-requests-with-token' -Name 'token-hook' -Props @{ token = 'tok_LIVE1' }
        $file = Join-Path $TestDrive 'secret.json'
        Export-PdConfiguration -Path $file
        Connect-EmptyUser
        $map = @{ $Workflow = $OtherWorkflow }
        $null = Import-PdConfiguration -Path $file -WorkflowMap $map -Secret @{ 'token-hook.token' = (ConvertTo-TestSecureString 'tok_NEW2') } -ErrorAction Stop
        (Get-PdSource -All -Name 'token-hook').ConfiguredProps.token | Should -Be 'tok_NEW2'

        Disable-PdSource -Id (Get-PdSource -All -Name 'token-hook').Id -Confirm:$false
        $doc = Get-Content $file -Raw | ConvertFrom-Json
        ($doc.sources | Where-Object name -EQ 'token-hook').props | Add-Member -NotePropertyName extra -NotePropertyValue 'x' -Force
        $doc | ConvertTo-Json -Depth 20 | Set-Content $file
        $out = @(Import-PdConfiguration -Path $file -WorkflowMap $map -ErrorAction Stop)
        $out.Action | Should -Be 'Update'
        $source = Get-PdSource -All -Name 'token-hook'
        $source.Active | Should -BeTrue
        $source.ConfiguredProps.token | Should -Be 'tok_NEW2'
    }

    It '-OrgId creates the sources in that org, and the org then compares clean' {
        $before = @(Get-PdSource -OrgId o_emulator -All).Count
        Clear-EmulatorRequest
        $out = @(Import-PdConfiguration -Path $File -OrgId o_emulator -Include Source -ErrorAction Stop)
        @($out | Where-Object Action -EQ 'Create').Count | Should -Be 3
        $posts = @(Get-EmulatorRequest -Method POST -Path '/v1/sources')
        $posts.Count | Should -Be 3
        $posts | ForEach-Object { (ConvertFrom-TestQuery $_.Query).org_id | Should -Be 'o_emulator' }
        $inOrg = @(Get-PdSource -OrgId o_emulator -All)
        $inOrg.Count | Should -Be ($before + 3)
        @($inOrg.Name) | Should -Contain $Sources[0].Name
        @(Compare-PdConfiguration -Path $File -OrgId o_emulator -Include Source | Where-Object Action -NE 'Remove') | Should -BeNullOrEmpty
    }
}
