# Default views: what a user sees at an 80- and a 120-column console without Select-Object or
# Format-*, with long names, long URLs and empty values; and objects that export as readable text.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $script:Connection = Connect-TestAccount

    # The non-empty lines of an object's default formatting at a console width.
    function Get-Screen([object[]] $InputObject, [int] $Width = 80) {
        @(($InputObject | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
    }

    # The screen line that holds a text (the row of one object).
    function Get-Row([string[]] $Screen, [string] $Text) {
        @($Screen | Where-Object { $_.Contains($Text) })[0]
    }

    $script:UtcPattern = '\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ'
    $script:UtcMsPattern = '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z'
    $script:LongName = 'rss-news-feed-for-the-engineering-team-weekly-digest-' + ('x' * 40)
    $script:LongUrl = 'https://example.com/hooks/' + ('deliveries/' * 8)
    $script:Source = New-PdSource -ComponentKey rss-new-item-in-feed -Name $LongName `
        -Props @{ url = 'https://rss.m.pipedream.net'; timer = @{ intervalSeconds = 60 } }
    $script:Webhook = New-PdWebhook -Url $LongUrl -Name ('a webhook with a long name, ' + ('y' * 20))
    $script:PlainWebhook = New-PdWebhook -Url 'https://e.example/h'
    $null = Send-EmulatorEvent -EmitterId $Source.Id -Event ([ordered]@{ title = 'Hello'; link = 'https://example.com/a' })

    $script:WorkflowId = New-EmulatorWorkflow
    $null = Send-EmulatorEvent -EmitterId $WorkflowId -Event @{ step = 'done' } -Name '$logs'
    $null = Send-EmulatorEvent -EmitterId $WorkflowId -Name '$errors' -Event ([ordered]@{
        original_event   = [ordered]@{ order_id = 'ord_1042'; total = 129.9 }
        original_context = [ordered]@{ id = 'ctx_1'; workflow_id = $WorkflowId }
        error            = [ordered]@{
            code = 'ECONNRESET'; message = 'socket hang up while posting the order to the ERP'; cellId = 'c_post'
            ts = '2026-12-01T20:18:23.000Z'; stack = "Error: socket hang up`n    at Object.run (/steps/c_post.mjs:12:31)"
            extra_field = 'kept'
        }
    })
    $script:Subscription = New-PdSubscription -EmitterId $WorkflowId -ListenerId $Webhook.Id -EventName '$errors'
    $script:AutoSubscription = New-PdAutoSubscription -ListenerId $Webhook.Id -EventName '$errors'
}

Describe 'Table views at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
    It '<Name>: <Columns>' -TestCases @(
        @{ Name = 'Get-PdSource'; Command = { Get-PdSource }; Columns = @('Id', 'Active', 'ComponentId', 'UpdatedAt', 'Name') }
        @{ Name = 'Get-PdWebhook'; Command = { Get-PdWebhook }; Columns = @('Id', 'Active', 'Url', 'Name') }
        @{ Name = 'Get-PdEvent'; Command = { Get-PdEvent -SourceId $Source.Id }; Columns = @('Id', 'IndexedAt', 'EmitterId', 'Event') }
        @{ Name = 'Get-PdWorkflowEvent'; Command = { Get-PdWorkflowEvent -WorkflowId $WorkflowId }; Columns = @('Id', 'IndexedAt', 'EmitterId', 'Event') }
        @{ Name = 'Get-PdWorkflowError'; Command = { Get-PdWorkflowError -WorkflowId $WorkflowId }; Columns = @('Id', 'IndexedAt', 'Code', 'Message') }
        @{ Name = 'Get-PdUser'; Command = { Get-PdUser }; Columns = @('Id', 'Username', 'Orgs', 'Email') }
        @{ Name = 'Get-PdOrg'; Command = { Get-PdOrg }; Columns = @('Id', 'Name', 'OrgName', 'Email') }
        @{ Name = 'Get-PdComponent'; Command = { Get-PdComponent -Key $Source.ComponentId }; Columns = @('Id', 'Key', 'Version', 'Name', 'Props') }
        @{ Name = 'ConfigurableProps'; Command = { (Get-PdComponent -Key $Source.ComponentId).ConfigurableProps }; Columns = @('Name', 'Type', 'Label', 'Default', 'Description') }
        @{ Name = 'Get-PdSubscription'; Command = { Get-PdSubscription }; Columns = @('Id', 'EmitterId', 'ListenerId', 'EventName') }
        @{ Name = 'New-PdAutoSubscription'; Command = { $AutoSubscription }; Columns = @('Id', 'ListenerId', 'EventName') }
    ) {
        $screen = Get-Screen (& $Command) -Width $Width
        -split $screen[0] | Should -Be $Columns
        $screen | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
    }

    It 'a source''s row: the fixed columns whole, the UTC time, and the start of its long name' {
        $row = Get-Row (Get-Screen (Get-PdSource) -Width $Width) $Source.Id
        $row | Should -Match ('^dc_\S+\s+True\s+sc_\S+\s+' + [regex]::Escape($Source.UpdatedAt.ToString('yyyy-MM-dd HH:mm:ssZ', [cultureinfo]::InvariantCulture)) + ' rss-news-feed-for-the-engine')
        $row | Should -Match '…$'
    }

    It 'a webhook''s row shows its URL before its name, and the URL gets the room' {
        $screen = Get-Screen (Get-PdWebhook) -Width $Width
        $row = Get-Row $screen $Webhook.Id
        $shown = if ($Width -eq 80) { 'https://example.com/hooks/deliveries/' } else { 'https://example.com/hooks/deliveries/deliveries/deliveries/deliveries/' }
        $row | Should -Match ('^wh_\S+\s+True\s+' + [regex]::Escape($shown) + '.*… a webhook with a')
        # A webhook without a name: its URL whole, nothing after it.
        (Get-Row $screen $PlainWebhook.Id).TrimEnd() | Should -Match 'https://e\.example/h$'
    }

    It 'an event''s row: UTC time to the millisecond, emitter, then the payload as JSON' {
        $row = Get-Row (Get-Screen (Get-PdEvent -SourceId $Source.Id) -Width $Width) $Source.Id
        $row | Should -Match ("^\d+-\d+\s+$UtcMsPattern\s+" + [regex]::Escape($Source.Id) + '\s+\{"title":"Hello"')
        $logs = Get-Row (Get-Screen (Get-PdWorkflowEvent -WorkflowId $WorkflowId) -Width $Width) '"step"'
        $logs | Should -Match ("^\d+-\d+\s+$UtcMsPattern\s+" + [regex]::Escape($WorkflowId) + '\s+\{"step":"done"\}')
    }

    It 'a workflow error''s row: code and the start of its message' {
        $row = Get-Row (Get-Screen (Get-PdWorkflowError -WorkflowId $WorkflowId) -Width $Width) 'ECONNRESET'
        $row | Should -Match ("^\d+-\d+\s+$UtcMsPattern\s+ECONNRESET\s+socket hang up while")
    }

    It 'a component''s row shows its key and prop names' {
        $row = Get-Row (Get-Screen (Get-PdComponent -Key $Source.ComponentId) -Width $Width) 'rss-new-item-in-feed'
        $row | Should -Match '^sc_\S+\s+rss-new-item-in-feed\s+\S+\s+\S+\s+url, timer'
    }
}

Describe 'List views' {
    It 'Format-List of an event leads with the id and ends with the payload as JSON' {
        $lines = Get-Screen (Get-PdEvent -SourceId $Source.Id | Format-List)
        $lines[0] | Should -Match '^Id\s+: \d+-\d+$'
        $lines | Should -Contain "EmitterId   : $($Source.Id)"
        # An event of the default stream has no name; the view says so, the property stays empty.
        $lines | Should -Contain 'EventName   : (default)'
        $lines -match "^IndexedAt\s+: $UtcMsPattern$" | Should -HaveCount 1
        $lines[-1] | Should -Match '^Event\s+: \{"title":"Hello","link":"https://example.com/a"\}$'
    }

    It 'Format-List of a workflow error has its own view: code, message and the original event on one line' {
        $lines = Get-Screen (Get-PdWorkflowError -WorkflowId $WorkflowId | Format-List) -Width 120
        $names = $lines | ForEach-Object { ($_ -split ':', 2)[0].Trim() }
        $names | Should -Be @('Id', 'WorkflowId', 'IndexedAt', 'Code', 'Message', 'CellId', 'Ts', 'IsTruncated', 'OriginalEvent')
        $lines | Should -Contain 'Code          : ECONNRESET'
        $lines | Should -Contain 'Message       : socket hang up while posting the order to the ERP'
        $lines | Should -Contain 'Ts            : 2026-12-01 20:18:23.000Z'
        $lines[-1] | Should -Be 'OriginalEvent : {"order_id":"ord_1042","total":129.9}'
        ($lines -join "`n") | Should -Not -Match '@\{'
    }

    It 'the error''s message is read from "msg" when the API sends that, and other fields are kept' {
        $null = Send-EmulatorEvent -EmitterId $WorkflowId -Name '$errors' -Event @{
            original_event = @{}; error = @{ code = 'E1'; msg = 'said with msg' }
        }
        $latest = @(Get-PdWorkflowError -WorkflowId $WorkflowId)[0]
        $latest.Error.Message | Should -Be 'said with msg'
        $older = @(Get-PdWorkflowError -WorkflowId $WorkflowId)[-1]
        $older.Event.error.extra_field | Should -Be 'kept'
    }

    It 'Get-PdContext shows the time allowed in seconds and the connection time in UTC' {
        $lines = Get-Screen (Get-PdContext)
        $lines | Should -Contain 'TimeoutSeconds : 60'
        $lines -match "^ConnectedAt\s+: $UtcPattern$" | Should -HaveCount 1
        ($lines -join "`n") | Should -Not -Match 'Timeout\s+:'
    }
}

Describe 'Objects export as readable text' {
    BeforeAll {
        $script:Exports = [ordered]@{
            Source           = Get-PdSource
            Event            = Get-PdEvent -SourceId $Source.Id
            WorkflowEvent    = Get-PdWorkflowEvent -WorkflowId $WorkflowId
            WorkflowError    = Get-PdWorkflowError -WorkflowId $WorkflowId
            Subscription     = Get-PdSubscription
            AutoSubscription = $AutoSubscription
            Webhook          = Get-PdWebhook
            Component        = Get-PdComponent -Key $Source.ComponentId
            User             = Get-PdUser
            Org              = Get-PdOrg
            PdConnection     = Get-PdContext
        }
    }

    It '<_>: Export-Csv and ConvertTo-Json -Depth 3 hold no @{...} and no System. type names' -ForEach @(
        'Source', 'Event', 'WorkflowEvent', 'WorkflowError', 'Subscription', 'AutoSubscription', 'Webhook',
        'Component', 'User', 'Org', 'PdConnection'
    ) {
        $objects = @($Exports[$_])
        $objects.Count | Should -BeGreaterThan 0
        $csvPath = Join-Path $TestDrive "$_.csv"
        $objects | Export-Csv -Path $csvPath
        foreach ($text in (Get-Content -Raw $csvPath), ($objects | ConvertTo-Json -Depth 3)) {
            $text | Should -Not -Match '@\{'
            $text | Should -Not -Match 'System\.'
        }
    }

    It 'an event carries EmitterId and EventName at the top level' {
        $row = Import-Csv -Path (Join-Path $TestDrive 'WorkflowError.csv') | Select-Object -First 1
        $row.EmitterId | Should -Be $WorkflowId
        $row.EventName | Should -Be '$errors'
        $event = Get-PdEvent -SourceId $Source.Id
        $event.EmitterId | Should -Be $Source.Id
        $event.EventName | Should -Be ''
    }

    It 'a source exports its configured props once, as one line of JSON; Props stays readable for binding' {
        $row = Import-Csv -Path (Join-Path $TestDrive 'Source.csv') | Where-Object Id -eq $Source.Id
        $props = $row.ConfiguredProps | ConvertFrom-Json
        $props.url | Should -Be 'https://rss.m.pipedream.net'
        $Source.Props | Should -Not -Match '\n'
        ($Source.Props | ConvertFrom-Json).url | Should -Be 'https://rss.m.pipedream.net'
        $Source.ConfiguredProps.url | Should -Be 'https://rss.m.pipedream.net'
    }

    It '<Kind>: no value is exported twice under two names' -ForEach @(
        @{ Kind = 'Source'; Absent = @('SourceId', 'Props') }
        @{ Kind = 'Org'; Absent = @('OrgId') }
    ) {
        $header = (Get-Content -Path (Join-Path $TestDrive "$Kind.csv") -TotalCount 2) -match '^"Id"'
        $columns = @($header)[0] -split ',' | ForEach-Object { $_.Trim('"') }
        $columns | Should -Contain 'Id'
        foreach ($name in $Absent) { $columns | Should -Not -Contain $name }
        $json = @($Exports[$Kind])[0] | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        foreach ($name in $Absent) { $json.PSObject.Properties.Name | Should -Not -Contain $name }
    }

    It 'the connection exports its timeout as TimeoutSeconds, and Timeout stays usable' {
        $json = Get-PdContext | ConvertTo-Json | ConvertFrom-Json
        $json.TimeoutSeconds | Should -Be 60
        $json.PSObject.Properties.Name | Should -Not -Contain 'Timeout'
        $connection = Connect-TestAccount
        $connection.Timeout = [TimeSpan]::FromSeconds(5)
        $connection.TimeoutSeconds | Should -Be 5
        $connection.Timeout | Should -Be ([TimeSpan]::FromSeconds(5))
        $connection.TimeoutSeconds = 60
    }
}

Describe 'Event and error tables at 80 columns, with realistic data' {
    BeforeAll {
        $null = Send-EmulatorEvent -EmitterId $Source.Id -Event ([ordered]@{
            title = 'Postmortem: intermittent 502s from the edge proxy during the Tuesday deploy'
            link = 'https://status.example.com/incidents/2026-12-01-edge-502'; guid = 'tag:status.example.com,2026:incident-4711'
        })
        $null = Send-EmulatorEvent -EmitterId $WorkflowId -Event ([ordered]@{ order_id = 'ord_1043'; status = 'shipped'; carrier = 'DHL'; eta = '2026-12-04' })
        $null = Send-EmulatorEvent -EmitterId $WorkflowId -Name '$errors' -Event ([ordered]@{
            original_event = [ordered]@{ order_id = 'ord_1044' }
            error = [ordered]@{ code = 'TypeError'; message = "Cannot read properties of undefined (reading 'shipping_address') at step c_label"; ts = '2026-12-01T21:02:10.517Z' }
        })

        # The columns of a table as the user sees it: each header's start, its width up to the next
        # header (the last one: as far as its longest cell reaches) and its cells in every row.
        function Get-TableColumn([string[]] $Lines) {
            $header = $Lines[0]
            $rows = @($Lines | Select-Object -Skip 2)
            $starts = @([regex]::Matches($header, '\S+') | ForEach-Object { [pscustomobject]@{ Name = $_.Value; Start = $_.Index } })
            for ($i = 0; $i -lt $starts.Count; $i++) {
                $start = $starts[$i].Start
                $width = if ($i -lt $starts.Count - 1) { $starts[$i + 1].Start - $start - 1 } else { ($rows | ForEach-Object { $_.Length - $start } | Measure-Object -Maximum).Maximum }
                [pscustomobject]@{
                    Name  = $starts[$i].Name
                    Width = $width
                    Cells = @($rows | ForEach-Object { if ($_.Length -gt $start) { $_.Substring($start, [math]::Min($width, $_.Length - $start)).Trim() } else { '' } })
                }
            }
        }
    }

    It '<Name>: <Widest> is the widest column, no line wraps or is blank, no column is empty' -ForEach @(
        @{ Name = 'Get-PdEvent'; Command = { Get-PdEvent -SourceId $Source.Id }; Widest = 'Event' }
        @{ Name = 'Get-PdWorkflowEvent'; Command = { Get-PdWorkflowEvent -WorkflowId $WorkflowId }; Widest = 'Event' }
        @{ Name = 'Get-PdWorkflowError'; Command = { Get-PdWorkflowError -WorkflowId $WorkflowId }; Widest = 'Message' }
    ) {
        $objects = @(& $Command)
        $text = ($objects | Out-String -Width 80) -split "`r?`n"
        $lines = @($text | Where-Object { $_.Trim() })
        # Header, underline, one line per object: nothing wrapped onto a second line, no blank line between.
        $lines.Count | Should -Be ($objects.Count + 2)
        $first = [array]::IndexOf($text, $lines[0])
        @($text[$first..($first + $lines.Count - 1)] | Where-Object { -not $_.Trim() }).Count | Should -Be 0
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }

        $columns = @(Get-TableColumn $lines)
        $payload = $columns | Where-Object Name -eq $Widest
        $payload | Should -Not -BeNullOrEmpty
        $columns | Where-Object Name -ne $Widest | ForEach-Object { $payload.Width | Should -BeGreaterThan $_.Width -Because "$Widest against $($_.Name)" }
        $columns | ForEach-Object { @($_.Cells | Where-Object { $_ }).Count | Should -BeGreaterThan 0 -Because "$($_.Name) has a value in some row" }
        $columns | Where-Object Name -eq 'IndexedAt' | ForEach-Object { $_.Cells | Should -Match "^$UtcMsPattern$" }
        $columns | Where-Object Name -eq 'Id' | ForEach-Object { $_.Cells | Should -Match '^\d{13}-\d+$' }
    }
}

Describe 'Times in the views are UTC in every culture' {
    BeforeAll {
        $script:Culture = [cultureinfo]::CurrentCulture
        $script:Seeded = Add-PdEmulatorSource -Emulator (Get-EmulatorSetting).Root -Count 1 -NamePrefix 'culture-' -Confirm:$false
        $script:Workflow = New-PdEmulatorWorkflow -Emulator (Get-EmulatorSetting).Root -Confirm:$false
    }
    AfterEach { [cultureinfo]::CurrentCulture = $Culture }

    It '<Kind> in <CultureName>: Format-List writes <Pattern> and no date of the culture' -ForEach @(
        foreach ($cultureName in 'en-US', 'de-DE') {
            @{ CultureName = $cultureName; Kind = 'Source'; Command = { Get-PdSource -Id $Source.Id }; Labels = @('CreatedAt', 'UpdatedAt'); Pattern = 'UtcPattern' }
            @{ CultureName = $cultureName; Kind = 'Webhook'; Command = { Get-PdWebhook -Id $Webhook.Id }; Labels = @('CreatedAt', 'UpdatedAt'); Pattern = 'UtcPattern' }
            @{ CultureName = $cultureName; Kind = 'Component'; Command = { Get-PdComponent -Key $Source.ComponentId }; Labels = @('CreatedAt', 'UpdatedAt'); Pattern = 'UtcPattern' }
            @{ CultureName = $cultureName; Kind = 'Event'; Command = { Get-PdEvent -SourceId $Source.Id -First 1 }; Labels = @('IndexedAt'); Pattern = 'UtcMsPattern' }
            @{ CultureName = $cultureName; Kind = 'WorkflowError'; Command = { Get-PdWorkflowError -WorkflowId $WorkflowId -First 1 }; Labels = @('IndexedAt', 'Ts'); Pattern = 'UtcMsPattern' }
            @{ CultureName = $cultureName; Kind = 'PdConnection'; Command = { Get-PdContext }; Labels = @('ConnectedAt'); Pattern = 'UtcPattern' }
            @{ CultureName = $cultureName; Kind = 'PdEmulatorWorkflow'; Command = { $Workflow }; Labels = @('CreatedAt'); Pattern = 'UtcPattern' }
            @{ CultureName = $cultureName; Kind = 'PdEmulatorRequest'; Command = { Get-EmulatorRequest -Last 1 }; Labels = @('ReceivedAt'); Pattern = 'UtcMsPattern' }
        }
    ) {
        $object = & $Command
        [cultureinfo]::CurrentCulture = $CultureName
        $lines = Get-Screen ($object | Format-List) -Width 120
        $regex = Get-Variable -Name $Pattern -ValueOnly
        foreach ($label in $Labels) {
            $lines -match "^$label\s+: $regex$" | Should -HaveCount 1 -Because "$label of a $Kind"
        }
        ($lines -join "`n") | Should -Not -Match '\d\d?[./]\d\d?[./]\d{4}'
    }

    It 'Format-Table still picks the columns of a connection' {
        $lines = Get-Screen (Get-PdContext | Format-Table Username, UserId)
        -split $lines[0] | Should -Be @('Username', 'UserId')
        $lines.Count | Should -Be 3
    }

    It 'a script that writes a seed, then sources, then a workflow shows each under its own view' {
        [cultureinfo]::CurrentCulture = 'de-DE'
        $text = & {
            Add-PdEmulatorSource -Emulator (Get-EmulatorSetting).Root -Count 2 -NamePrefix 'mixed-' -Confirm:$false
            Get-PdSource -Name 'mixed-*'
            New-PdEmulatorWorkflow -Emulator (Get-EmulatorSetting).Root -Confirm:$false
        } | Out-String -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^Count\s+: 2$'
        $lines[1] | Should -Match '^FirstId\s+: dc_'
        $lines[2] | Should -Match '^LastId\s+: dc_'
        -split $lines[3] | Should -Be @('Id', 'Active', 'ComponentId', 'UpdatedAt', 'Name')
        $lines[5] | Should -Match "^dc_\S+\s+True\s+sc_\S+\s+$UtcPattern mixed-1$"
        $lines[6] | Should -Match "^dc_\S+\s+True\s+sc_\S+\s+$UtcPattern mixed-2$"
        $lines[7] | Should -Match '^Id\s+: p_'
        $lines[-1] | Should -Match "^CreatedAt\s+: $UtcPattern$"
        $lines.Count | Should -Be 10
    }
}

Describe 'What Export-Csv writes for a time, in two cultures' {
    BeforeAll { $script:Culture = [cultureinfo]::CurrentCulture }
    AfterEach { [cultureinfo]::CurrentCulture = $Culture }

    It 'in <CultureName>: a DateTime in the session''s culture, and ToString(''o'') the same ISO 8601 UTC text in both' -ForEach @(
        @{ CultureName = 'en-US'; Expected = 'M/d/yyyy h:mm:ss tt' }
        @{ CultureName = 'de-DE'; Expected = 'dd.MM.yyyy HH:mm:ss' }
    ) {
        [cultureinfo]::CurrentCulture = $CultureName
        $source = Get-PdSource -Id $Source.Id
        $source.CreatedAt.Kind | Should -Be 'Utc'

        $plain = Join-Path $TestDrive "plain-$CultureName.csv"
        $source | Export-Csv -Path $plain
        $row = Import-Csv -Path $plain
        $row.CreatedAt | Should -Be $source.CreatedAt.ToString($Expected, [cultureinfo]$CultureName)

        $iso = Join-Path $TestDrive "iso-$CultureName.csv"
        $source | Select-Object Id, @{ n = 'CreatedAt'; e = { $_.CreatedAt.ToString('o') } } | Export-Csv -Path $iso
        $row = Import-Csv -Path $iso
        $row.CreatedAt | Should -Be $source.CreatedAt.ToString('yyyy-MM-ddTHH:mm:ss.fffffffZ', [cultureinfo]::InvariantCulture)
        [datetime]::Parse($row.CreatedAt, [cultureinfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind) | Should -Be $source.CreatedAt
    }
}
