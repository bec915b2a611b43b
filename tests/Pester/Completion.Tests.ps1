BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Setting = Get-EmulatorSetting

    # What Tab offers at the end of the text: each match's CompletionText, ListItemText and ToolTip.
    function Get-TestCompletion([string] $InputScript) {
        $completion = TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length
        @($completion.CompletionMatches | ForEach-Object {
                [pscustomobject]@{ Text = $_.CompletionText; ListItem = $_.ListItemText; ToolTip = $_.ToolTip }
            })
    }

    # The API requests logged since the last Clear-EmulatorRequest.
    function Get-ApiRequest { @(Get-EmulatorRequest) }

    Reset-Emulator
    $null = New-EmulatorSource -Count 3 -NamePrefix 'tab-'
    $script:AllSources = Get-TestSource
    $null = New-EmulatorSource -Count 2 -OwnerId 'o_emulator' -NamePrefix 'orgtab-'
    $script:Workflow = New-EmulatorWorkflow
    $null = New-TestSubscription -EmitterId $AllSources[0].id -ListenerId $Workflow
    $null = New-TestSubscription -EmitterId $Workflow -ListenerId $AllSources[1].id -EventName '$errors'
    $query = 'url=' + [uri]::EscapeDataString('http://127.0.0.1:9/hook') + '&name=' + [uri]::EscapeDataString('Build alerts')
    $script:Webhook = (Invoke-TestApi -Method POST -Path "webhooks?$query").data
}

AfterAll {
    Clear-EmulatorFault
    $null = Connect-TestAccount
}

Describe '-OrgId completion' {
    BeforeAll {
        $script:Carol = New-EmulatorUser -Username "carol$([guid]::NewGuid().ToString('N').Substring(0, 6))" -Orgs @(
            [ordered]@{ id = 'o_tabone'; name = 'Tab Team One'; orgname = 'tab-one'; email = 'one@example.com' },
            [ordered]@{ id = 'o_tabtwo'; name = 'Second Squad'; orgname = 'tab-two'; email = 'two@example.com' })
    }
    BeforeEach {
        $null = Connect-TestAccount -ApiKey $Carol.api_key
        Clear-EmulatorRequest
    }

    It "offers the connected user's orgs with their names as tooltips, from one GET /users/me" {
        $offered = Get-TestCompletion 'Get-PdSource -OrgId '

        $offered.Text | Should -Be @('o_tabone', 'o_tabtwo')
        $offered.ToolTip | Should -Be @('Tab Team One', 'Second Squad')
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 1
        $requests[0].Path | Should -Be '/v1/users/me'
    }

    It 'matches on the id or the name, and sends nothing for a second Tab within a minute' {
        (Get-TestCompletion 'Connect-PdAccount -OrgId o_tabt').Text | Should -Be @('o_tabtwo')
        (Get-TestCompletion 'New-PdSubscription -OrgId Second').Text | Should -Be @('o_tabtwo')
        (Get-TestCompletion 'New-PdSource -OrgId *one').Text | Should -Be @('o_tabone')
        (Get-TestCompletion 'New-PdAutoSubscription -OrgId ').Text | Should -Be @('o_tabone', 'o_tabtwo')
        (Get-TestCompletion 'Get-PdSubscription -OrgId ').Text | Should -Be @('o_tabone', 'o_tabtwo')
        (Get-TestCompletion 'Get-PdOrg -Id ').ToolTip | Should -Be @('Tab Team One', 'Second Squad')

        (Get-ApiRequest).Count | Should -Be 1
    }

    It 'asks again for a new connection' {
        $null = Get-TestCompletion 'Get-PdSource -OrgId '
        $null = Connect-TestAccount
        Clear-EmulatorRequest

        (Get-TestCompletion 'Get-PdSource -OrgId ').Text | Should -Be @('o_emulator')
        (Get-ApiRequest).Count | Should -Be 1
    }

    It 'uses the -Connection on the command line' {
        $global:PdTabOther = Connect-TestAccount
        $null = Connect-TestAccount -ApiKey $Carol.api_key
        Clear-EmulatorRequest
        try {
            (Get-TestCompletion 'Get-PdSource -Connection $PdTabOther -OrgId ').Text | Should -Be @('o_emulator')
        }
        finally { Remove-Variable -Scope Global -Name PdTabOther }
    }
}

Describe 'Source id completion' {
    BeforeEach {
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It "offers the first page of the user's sources with their names as tooltips, from one request" {
        $offered = Get-TestCompletion 'Get-PdSource -Id '

        $offered.Text | Should -Be @($AllSources.id)
        $offered.ToolTip | Should -Be @($AllSources.name)
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 1
        $requests[0].Path | Should -Be '/v1/users/me/sources'
        (ConvertFrom-TestQuery $requests[0].Query).limit | Should -Be '100'
    }

    It 'matches on the name (prefix or wildcard) as well as the id' {
        (Get-TestCompletion 'Remove-PdSource -Id tab-2').Text | Should -Be @($AllSources[1].id)
        (Get-TestCompletion 'Set-PdSource -Id *-3').Text | Should -Be @($AllSources[2].id)
        (Get-TestCompletion "Enable-PdSource -Id $($AllSources[0].id)").Text | Should -Be @($AllSources[0].id)
        (Get-TestCompletion 'Disable-PdSource -Id TAB-1').ListItem | Should -Be @($AllSources[0].id)
        (Get-TestCompletion "Get-PdEvent -SourceId 'tab-").Text | Should -Be @($AllSources.id)
        (Get-TestCompletion 'Remove-PdEvent -SourceId nothing-like-this').Count | Should -Be 0
        (Get-ApiRequest).Count | Should -Be 1
    }

    It 'lists the sources of the org given by -OrgId on the command line' {
        $offered = Get-TestCompletion 'Get-PdSource -OrgId o_emulator -Id '

        $offered.ToolTip | Should -Be @('orgtab-1', 'orgtab-2')
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 1
        $requests[0].Path | Should -Be '/v1/orgs/o_emulator/sources'
        # The user's own list is cached apart from the org's.
        (Get-TestCompletion 'Get-PdSource -Id ').ToolTip | Should -Be @($AllSources.name)
        (Get-ApiRequest).Count | Should -Be 2
    }
}

Describe 'Workflow, emitter and listener id completion' {
    BeforeEach {
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It "-WorkflowId offers the workflows in the user's subscriptions, from one request" {
        (Get-TestCompletion 'Get-PdWorkflowEvent -WorkflowId ').Text | Should -Be @($Workflow)
        (Get-TestCompletion 'Get-PdWorkflowError -WorkflowId p_').Text | Should -Be @($Workflow)
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 1
        $requests[0].Path | Should -Be '/v1/users/me/subscriptions'
    }

    It '-EmitterId offers the ids of subscriptions plus p_* and dc_*, -ListenerId the ids' {
        $emitters = Get-TestCompletion 'New-PdSubscription -EmitterId '
        $emitters.Text | Should -Be @($AllSources[0].id, $Workflow, $AllSources[1].id, 'p_*', 'dc_*')
        $emitters[-1].ToolTip | Should -Be 'Every source'

        (Get-TestCompletion 'Remove-PdSubscription -ListenerId ').Text | Should -Be @($AllSources[0].id, $Workflow, $AllSources[1].id)
        (Get-TestCompletion 'Get-PdSubscription -EmitterId dc_').Text | Should -Be @($AllSources[0].id, $AllSources[1].id, 'dc_*')
        (Get-TestCompletion 'New-PdAutoSubscription -ListenerId p_').Text | Should -Be @($Workflow)
        (Get-ApiRequest).Count | Should -Be 1
    }

    It 'adds the sources a source Tab fetched, with their names' {
        $null = Get-TestCompletion 'Get-PdSource -Id '
        $offered = Get-TestCompletion 'New-PdSubscription -ListenerId dc_'

        $offered.Text | Should -Be @($AllSources.id)
        $offered[0].ToolTip | Should -Be $AllSources[0].name
        (Get-ApiRequest).Count | Should -Be 2
    }
}

Describe 'Webhook and component completion' {
    BeforeEach {
        $null = Connect-TestAccount
        Clear-EmulatorRequest
    }

    It "Remove-PdWebhook -Id offers the user's webhooks with their names as tooltips" {
        $offered = Get-TestCompletion 'Remove-PdWebhook -Id '

        $offered.Text | Should -Be @($Webhook.id)
        $offered.ToolTip | Should -Be @('Build alerts')
        (Get-TestCompletion 'Remove-PdWebhook -Id build').Text | Should -Be @($Webhook.id)
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 1
        $requests[0].Path | Should -Be '/v1/users/me/webhooks'
    }

    It 'Get-PdComponent -Key offers nothing before any component was seen, and sends nothing' {
        (Get-TestCompletion 'Get-PdComponent -Key ').Count | Should -Be 0
        (Get-ApiRequest).Count | Should -Be 0
    }

    It 'Get-PdComponent -Key offers the keys of the components got on this connection' {
        $null = Get-PdComponent -Key 'rss-new-item-in-feed' -Registry
        $null = Get-PdComponent -Key 'http-new-requests' -Registry
        Clear-EmulatorRequest

        (Get-TestCompletion 'Get-PdComponent -Key ').Text | Should -Be @('rss-new-item-in-feed', 'http-new-requests')
        (Get-TestCompletion 'Get-PdComponent rss').Text | Should -Be @('rss-new-item-in-feed')
        (Get-ApiRequest).Count | Should -Be 0
    }
}

Describe 'Completion without a usable connection' {
    AfterEach {
        Clear-EmulatorFault
        foreach ($name in 'PIPEDREAM_API_KEY', 'PIPEDREAM_BASE_URL') { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    It 'offers nothing, writes no error and sends nothing when disconnected (the environment is not used)' {
        $null = Connect-TestAccount
        Disconnect-PdAccount
        $env:PIPEDREAM_API_KEY = $Setting.ApiKey
        $env:PIPEDREAM_BASE_URL = $Setting.BaseUri
        Clear-EmulatorRequest
        $errors = $Error.Count

        foreach ($line in 'Get-PdSource -Id ', 'Get-PdSource -OrgId ', 'Remove-PdWebhook -Id ', 'Get-PdWorkflowEvent -WorkflowId ', 'Get-PdComponent -Key ') {
            (Get-TestCompletion $line).Count | Should -Be 0 -Because $line
        }
        $Error.Count | Should -Be $errors
        (Get-ApiRequest).Count | Should -Be 0
    }

    It 'gives up after about two seconds when the server does not answer' {
        $null = Connect-TestAccount
        $null = Get-TestCompletion 'Get-PdSource -Id '
        $null = Connect-TestAccount
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources*' -Delay 5000
        $errors = $Error.Count

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $offered = Get-TestCompletion 'Get-PdSource -Id '
        $watch.Stop()

        $offered.Count | Should -Be 0
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3.5
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5
        $Error.Count | Should -Be $errors
    }

    It 'sends one request and does not retry when the server fails' {
        $null = Connect-TestAccount
        $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/webhooks' -Status 503 -Count 5
        Clear-EmulatorRequest

        (Get-TestCompletion 'Remove-PdWebhook -Id ').Count | Should -Be 0
        (Get-TestCompletion 'Remove-PdWebhook -Id ').Count | Should -Be 0
        (Get-ApiRequest).Count | Should -Be 1
    }
}

Describe '-ProfileName completion' {
    BeforeAll {
        $script:SavedXdg = $env:XDG_CONFIG_HOME
        $script:XdgDir = Join-Path ([IO.Path]::GetTempPath()) "pspd-xdg-tab-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path (Join-Path $XdgDir 'pipedream')
        Set-Content -Path (Join-Path $XdgDir 'pipedream/config') -Value @(
            '[default]', 'api_key = abc', '', '[work]', 'api_key = def', 'org_id = o_work', '', '[side project]', 'api_key = ghi')
        $env:XDG_CONFIG_HOME = $XdgDir
    }
    AfterAll {
        $env:XDG_CONFIG_HOME = $SavedXdg
        Remove-Item -Recurse -Force $XdgDir
    }

    It "offers the config file's sections, quoting a name with a space" {
        $offered = Get-TestCompletion 'Connect-PdAccount -ProfileName '

        $offered.Text | Should -Be @('default', "'side project'", 'work')
        $offered.ListItem | Should -Be @('default', 'side project', 'work')
        $offered[2].ToolTip | Should -BeLike '*o_work*'
        (Get-TestCompletion 'Connect-PdAccount -ProfileName w').Text | Should -Be @('work')
        (Get-TestCompletion "Connect-PdAccount -ProfileName 'si").Text | Should -Be @("'side project'")
    }

    It 'offers nothing when there is no config file' {
        $env:XDG_CONFIG_HOME = Join-Path $XdgDir 'missing'
        try { (Get-TestCompletion 'Connect-PdAccount -ProfileName ').Count | Should -Be 0 }
        finally { $env:XDG_CONFIG_HOME = $XdgDir }
    }
}

Describe 'Completion across a large account' {
    BeforeAll {
        # A user of its own with 3,000 sources, so the lists above stay as they are.
        $script:Big = New-EmulatorUser -Username "big$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $null = Connect-TestAccount -ApiKey $Big.api_key
        $script:Quoted = New-PdSource -ComponentKey rss-new-item-in-feed -Name "news 'daily' [v2]" -Props @{ url = 'https://rss.m.pipedream.net' }
        $null = New-EmulatorSource -Count 3000 -OwnerId $Big.id -NamePrefix 'seed-'
        # The list in the API's order: Tab reads its first 1,000.
        $script:Listed = @(Get-PdSource -All)
        $script:Past100 = $Listed[500]
        $script:Past1000 = $Listed[2500]
    }
    BeforeEach {
        $null = Connect-TestAccount -ApiKey $Big.api_key
        Clear-EmulatorRequest
    }
    AfterAll { $null = Connect-TestAccount }

    It 'finds a source past the first 100 by its name, from at most 10 requests of 100' {
        $Listed.Count | Should -Be 3001
        $offered = Get-TestCompletion "Get-PdSource -Id $($Past100.Name)"

        $offered.Text | Should -Contain $Past100.Id
        $offered.ToolTip | ForEach-Object { $_ | Should -BeLike "$($Past100.Name)*" }
        $requests = Get-ApiRequest
        $requests.Count | Should -Be 10
        $requests.Path | Sort-Object -Unique | Should -Be '/v1/users/me/sources'
        $requests | ForEach-Object { (ConvertFrom-TestQuery $_.Query).limit | Should -Be '100' }
    }

    It 'stops at 1,000 sources: one past them is not offered, and a second Tab sends nothing' {
        $null = Get-TestCompletion 'Get-PdSource -Id '
        (Get-ApiRequest).Count | Should -Be 10

        (Get-TestCompletion "Remove-PdSource -Id $($Past1000.Name)").Text | Should -Not -Contain $Past1000.Id
        (Get-TestCompletion "Get-PdEvent -SourceId $($Past100.Name)").Text | Should -Contain $Past100.Id
        (Get-ApiRequest).Count | Should -Be 10
    }

    It 'Get-PdSource -Name completes names, and a name with quotes and brackets comes back as itself' {
        $offered = Get-TestCompletion "Get-PdSource -Name $($Past100.Name)"
        $offered.Text | Should -Contain $Past100.Name
        $offered.ToolTip | Should -Contain "$($Past100.Name) ($($Past100.Id))"

        [array]::IndexOf($Listed.Id, $Quoted.Id) | Should -BeLessThan 1000
        $offeredQuoted = Get-TestCompletion "Get-PdSource -Name 'news"
        $offeredQuoted.Text | Should -Be @("'news ''daily'' ``[v2``]'")
        (Get-ApiRequest).Count | Should -Be 10
        $found = @(Invoke-Expression "Get-PdSource -Name $($offeredQuoted.Text)")
        $found.Id | Should -Be @($Quoted.Id)
    }
}
