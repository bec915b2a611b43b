# Export-, Compare- and Test-PdConfiguration: the document's bytes, what it leaves out, the diff
# against the live account, failed reads, invalid files, duplicate names and -Include.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # A component whose app prop is an account's connection, which must not reach the file.
    $script:AppComponentCode = @'
module.exports = {
  key: "pester-app-feed",
  name: "Pester App Feed",
  version: "0.0.1",
  props: {
    slack: {
      type: "app",
      label: "Slack",
    },
    url: {
      type: "string",
      label: "Feed URL",
    },
  },
  async run() {},
};
'@

    function Initialize-Account {
        Reset-Emulator
        $script:Seeded = New-EmulatorSource -Count 3 -NamePrefix 'feed'
        $script:Connection = Connect-TestAccount
        $script:Sources = @(Get-TestSource)
        $script:Workflow = New-EmulatorWorkflow
        $null = New-TestSubscription -EmitterId $Sources[0].id -ListenerId $Workflow -EventName 'update'
        $script:Hook = New-PdWebhook -Name 'ops-hook' -Url 'https://example.com/hook' -Description 'ops'
    }
}

Describe 'Export-PdConfiguration' {
    BeforeAll { Initialize-Account }

    It 'writes the same bytes twice, as UTF-8 without BOM' {
        $a = Join-Path $TestDrive 'a.json'
        $b = Join-Path $TestDrive 'b.json'
        Export-PdConfiguration -Path $a
        Export-PdConfiguration -Path $b
        $bytesA = [IO.File]::ReadAllBytes($a)
        $bytesB = [IO.File]::ReadAllBytes($b)
        [Convert]::ToBase64String($bytesA) | Should -BeExactly ([Convert]::ToBase64String($bytesB))
        $bytesA[0] | Should -Be ([byte][char]'{')
        $doc = Get-Content $a -Raw | ConvertFrom-Json
        $doc.format_version | Should -Be 1
        @($doc.sources).Count | Should -Be 3
        @($doc.webhooks).Name | Should -Be 'ops-hook'
        @($doc.subscriptions).Count | Should -Be 1
        $doc.subscriptions[0].emitter.source | Should -Be $Sources[0].name
        $doc.subscriptions[0].listener | Should -Be $Workflow
    }

    It 'without -Path writes the text, and -PassThru writes it besides the file' {
        $text = Export-PdConfiguration
        $text | Should -BeOfType [string]
        $file = Join-Path $TestDrive 'p.json'
        $passed = Export-PdConfiguration -Path $file -PassThru
        $passed | Should -BeExactly $text
        [IO.File]::ReadAllText($file) | Should -BeExactly $text
    }

    It '-WhatIf writes no file, and -NoClobber keeps an existing one' {
        $file = Join-Path $TestDrive 'w.json'
        Export-PdConfiguration -Path $file -WhatIf
        Test-Path $file | Should -BeFalse
        Set-Content -Path $file -Value 'keep'
        { Export-PdConfiguration -Path $file -NoClobber } | Should -Throw
        (Get-Content $file -Raw).Trim() | Should -Be 'keep'
    }

    It 'leaves out the value of an app connection' {
        $null = New-PdSource -ComponentCode $AppComponentCode -Name 'app-feed' -Props @{ slack = @{ authProvisionId = 'apn_TOPSECRET42' }; url = 'https://example.com/feed' }
        $file = Join-Path $TestDrive 'app.json'
        Export-PdConfiguration -Path $file
        Select-String -Path $file -Pattern 'apn_TOPSECRET42' -SimpleMatch | Should -BeNullOrEmpty
        Select-String -Path $file -Pattern 'https://example.com/feed' -SimpleMatch | Should -Not -BeNullOrEmpty
        Remove-PdSource -Id (Get-PdSource -All -Name 'app-feed').Id -Confirm:$false
    }

    It 'leaves out the value of a secret prop, from the registry or from code' {
        $null = New-PdSource -ComponentKey 'http-new-requests-with-token' -Name 'token-hook' -Props @{ token = 'tok_TOPSECRET77' }
        $code = $AppComponentCode -replace 'pester-app-feed', 'pester-secret-feed' -replace 'type: "app",', 'type: "string", secret: true,'
        $null = New-PdSource -ComponentCode $code -Name 'secret-feed' -Props @{ slack = 'xoxb-TOPSECRET88'; url = 'https://example.com/feed' }
        $file = Join-Path $TestDrive 'secret.json'
        Export-PdConfiguration -Path $file
        foreach ($secret in 'tok_TOPSECRET77', 'xoxb-TOPSECRET88') {
            Select-String -Path $file -Pattern $secret -SimpleMatch | Should -BeNullOrEmpty
        }
        $doc = Get-Content $file -Raw | ConvertFrom-Json
        ($doc.sources | Where-Object name -EQ 'token-hook').props.token.'$secret' | Should -Be 'token-hook.token'
        ($doc.sources | Where-Object name -EQ 'secret-feed').props.slack.'$secret' | Should -Be 'secret-feed.slack'
        # The endpoint URL the server generated is not in the file either.
        (Get-PdSource -All -Name 'token-hook').ConfiguredProps.http.endpoint_url | Should -Not -BeNullOrEmpty
        Select-String -Path $file -Pattern 'm.pipedream.net' -SimpleMatch | Should -BeNullOrEmpty
        Get-PdSource -All -Name 'token-hook', 'secret-feed' | Remove-PdSource -Confirm:$false
    }

    It 'writes a prop whose name reads like a secret as a placeholder, with a warning, when its component does not flag it' {
        $code = $AppComponentCode -replace 'pester-app-feed', 'pester-unflagged-feed' -replace 'slack: \{', 'max_tokens: { type: "integer", label: "Max" }, dbPassword: {' -replace 'type: "app",', 'type: "string",'
        $null = New-PdSource -ComponentCode $code -Name 'unflagged' -Props @{ dbPassword = 'hunter2-TOPSECRET55'; url = 'https://example.com/feed'; max_tokens = 5 }
        $file = Join-Path $TestDrive 'unflagged.json'
        Export-PdConfiguration -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
        Select-String -Path $file -Pattern 'TOPSECRET55' -SimpleMatch | Should -BeNullOrEmpty
        $props = ((Get-Content $file -Raw | ConvertFrom-Json).sources | Where-Object name -EQ 'unflagged').props
        $props.dbPassword.'$secret' | Should -Be 'unflagged.dbPassword'
        $props.url | Should -Be 'https://example.com/feed'
        $props.max_tokens | Should -Be 5
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "The prop 'unflagged.dbPassword' is written as the placeholder*"
        # Compared with the account, the placeholder stands for the live value: no drift.
        @(Compare-PdConfiguration -Path $file) | Should -BeNullOrEmpty
        Get-PdSource -All -Name 'unflagged' | Remove-PdSource -Confirm:$false
    }

    It '-Include Webhook exports the webhooks only' {
        $doc = Export-PdConfiguration -Include Webhook | ConvertFrom-Json
        @($doc.sources).Count | Should -Be 0
        @($doc.subscriptions).Count | Should -Be 0
        @($doc.webhooks).Count | Should -Be 1
    }
}

Describe 'Compare- and Test-PdConfiguration' {
    BeforeEach {
        Initialize-Account
        $script:File = Join-Path $TestDrive 'live.json'
        Export-PdConfiguration -Path $File
    }

    It 'finds nothing right after an export' {
        @(Compare-PdConfiguration -Path $File).Count | Should -Be 0
        Test-PdConfiguration -Path $File | Should -BeTrue
        @(Compare-PdConfiguration -InputObject (Get-Content $File -Raw)).Count | Should -Be 0
        @(Get-Content $File | Compare-PdConfiguration).Count | Should -Be 0
        Test-PdConfiguration -InputObject (Export-PdConfiguration) | Should -BeTrue
    }

    It 'shows a disabled source as an Update of active' {
        Disable-PdSource -Id $Sources[1].id
        $changes = @(Compare-PdConfiguration -Path $File)
        $changes.Count | Should -Be 1
        $changes[0] | Should -BeOfType ([PSPipedream.ConfigurationChange])
        $changes[0].Action | Should -Be 'Update'
        $changes[0].Kind | Should -Be 'Source'
        $changes[0].Name | Should -Be $Sources[1].name
        $changes[0].Id | Should -Be $Sources[1].id
        $changes[0].Changes[0].Property | Should -Be 'active'
        $changes[0].Changes[0].Live | Should -Be $false
        $changes[0].Changes[0].Wanted | Should -Be $true
        Test-PdConfiguration -Path $File | Should -BeFalse
    }

    It 'shows a renamed source as a Remove of the new name and a Create of the old' {
        $null = Set-PdSource -Id $Sources[2].id -Name 'renamed-feed'
        $changes = @(Compare-PdConfiguration -Path $File | Where-Object Kind -eq Source)
        ($changes | Where-Object Action -eq Remove).Name | Should -Be 'renamed-feed'
        ($changes | Where-Object Action -eq Remove).Id | Should -Be $Sources[2].id
        ($changes | Where-Object Action -eq Create).Name | Should -Be $Sources[2].name
        Test-PdConfiguration -Path $File | Should -BeFalse
    }

    It 'shows a source the file does not hold as Remove' {
        $null = New-EmulatorSource -Count 1 -NamePrefix 'extra'
        $changes = @(Compare-PdConfiguration -Path $File)
        $changes.Count | Should -Be 1
        $changes[0].Action | Should -Be 'Remove'
        $changes[0].Name | Should -BeLike 'extra*'
    }

    It 'fits the table view in 80 columns' {
        Disable-PdSource -Id $Sources[1].id
        $lines = (Compare-PdConfiguration -Path $File | Format-Table | Out-String -Width 80) -split "`n"
        $lines | Where-Object { $_ -match 'Action' } | Should -Match 'Action\s+Kind\s+Name\s+Id\s+Changes'
        $lines | Where-Object { $_ -match 'Update' } | Should -Match 'active'
    }

    It 'throws on a failed read instead of reporting Remove' {
        $Connection.MaxRetries = 1
        try {
            $null = Add-EmulatorFault -Method GET -Path '/v1/users/me/sources' -Status 503 -Count 10
            { Compare-PdConfiguration -Path $File -Connection $Connection } | Should -Throw
            { Test-PdConfiguration -Path $File -Connection $Connection } | Should -Throw
            $out = @(try { Compare-PdConfiguration -Path $File -Connection $Connection -ErrorAction SilentlyContinue } catch { })
            $out.Count | Should -Be 0
        }
        finally { Clear-EmulatorFault }
    }

    It '-Include Webhook leaves the sources alone' {
        Disable-PdSource -Id $Sources[1].id
        @(Compare-PdConfiguration -Path $File -Include Webhook).Count | Should -Be 0
        Test-PdConfiguration -Path $File -Include Webhook | Should -BeTrue
        @(Compare-PdConfiguration -Path $File -Include Source).Count | Should -Be 1
    }
}

Describe 'Invalid documents' {
    BeforeAll { Initialize-Account }

    It 'refuses <Case> with PdInvalidConfiguration naming <JsonPath>' -ForEach @(
        @{ Case = 'text that is not JSON'; Text = 'not json {'; JsonPath = '$' }
        @{ Case = 'an unknown format version'; Text = '{"format_version": 99, "sources": []}'; JsonPath = '$.format_version' }
        @{ Case = 'a missing name'; Text = '{"format_version": 1, "sources": [{"component": {"key": "x"}}]}'; JsonPath = '$.sources[0].name' }
        @{ Case = 'duplicate names'; Text = '{"format_version": 1, "sources": [{"name": "a", "component": {"key": "x"}}, {"name": "a", "component": {"key": "x"}}]}'; JsonPath = '$.sources[1].name' }
        @{ Case = 'a subscription naming an unknown source'; Text = '{"format_version": 1, "subscriptions": [{"emitter": {"source": "nowhere"}, "listener": "p_abc"}]}'; JsonPath = '$.subscriptions[0].emitter' }
    ) {
        foreach ($command in 'Compare-PdConfiguration', 'Test-PdConfiguration') {
            $err = Get-PdErrorRecord { & $command -InputObject $Text }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike "PdInvalidConfiguration*"
            $err.Exception.Message | Should -Match ([regex]::Escape($JsonPath))
            $err.Exception | Should -BeOfType ([PSPipedream.PdConfigurationException])
            $err.Exception.JsonPath.StartsWith($JsonPath) | Should -BeTrue -Because $err.Exception.JsonPath
        }
    }

    It 'gives a script the path of the problem as $_.Exception.JsonPath, and sends nothing' {
        Clear-EmulatorRequest
        $text = '{"format_version": 1, "sources": [{"name": "a", "component": {"key": "x"}}, {"component": {"key": "x"}}]}'
        $path = try { Import-PdConfiguration -InputObject $text -ErrorAction Stop } catch [PSPipedream.PdConfigurationException] { $_.Exception.JsonPath }
        $path | Should -Be '$.sources[1].name'
        @(Get-EmulatorRequest | Where-Object Method -NE 'GET') | Should -BeNullOrEmpty
    }

    It 'reads no account for text that is not JSON' {
        Clear-EmulatorRequest
        $null = Get-PdErrorRecord { Compare-PdConfiguration -InputObject 'nope' }
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Duplicate names' {
    BeforeAll {
        Initialize-Account
        $null = Set-PdSource -Id $Sources[1].id -Name $Sources[0].name
    }

    It 'Export refuses them with PdAmbiguousName listing the name' {
        $file = Join-Path $TestDrive 'dup.json'
        $err = Get-PdErrorRecord { Export-PdConfiguration -Path $file }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdAmbiguousName*'
        $err.Exception.Message | Should -BeLike "*$($Sources[0].name)*"
        $err.Exception.Names | Should -Be $Sources[0].name
        Test-Path $file | Should -BeFalse
    }

    It 'Export -Force writes them with a warning naming them' {
        $file = Join-Path $TestDrive 'dup-force.json'
        Export-PdConfiguration -Path $file -Force -WarningVariable warnings -WarningAction SilentlyContinue
        Test-Path $file | Should -BeTrue
        "$warnings" | Should -BeLike "*$($Sources[0].name)*"
        @((Get-Content $file -Raw | ConvertFrom-Json).sources | Where-Object name -eq $Sources[0].name).Count | Should -Be 2
    }
}

Describe 'Export-PdConfiguration -As Mermaid' {
    BeforeAll {
        Initialize-Account
        $null = New-TestSubscription -EmitterId $Sources[1].id -ListenerId $Hook.Id
        $script:Mermaid = Export-PdConfiguration -As Mermaid
        $script:Lines = $script:Mermaid -split "`n"
    }

    It 'draws a flowchart naming every seeded source, the workflow and the webhook' {
        $script:Mermaid | Should -BeOfType [string]
        $script:Lines[0] | Should -BeExactly 'flowchart LR'
        foreach ($source in $Sources) {
            @($script:Lines -match ('^  src\d+\(\["' + [regex]::Escape($source.name) + '"\]\)')).Count | Should -Be 1 -Because $script:Mermaid
        }
        @($script:Lines -match ('^  wf\d+\["' + [regex]::Escape($Workflow) + '"\]$')).Count | Should -Be 1
        @($script:Lines -match '^  hook\d+\[/"ops-hook"/\]$').Count | Should -Be 1
        $script:Mermaid | Should -Not -Match ([regex]::Escape($Sources[0].id))
    }

    It 'labels the edge with its event name and marks the source nothing listens to' {
        $first = ($script:Lines -match ('^  (src\d+)\(\["' + [regex]::Escape($Sources[0].name) + '"')) -replace '^  (src\d+).*$', '$1'
        $workflow = ($script:Lines -match ('^  (wf\d+)\[')) -replace '^  (wf\d+).*$', '$1'
        $script:Lines | Should -Contain "  $first -->|""update""| $workflow"
        @($script:Lines -match '^  src\d+.*:::unheard$').Count | Should -Be 1
        $script:Lines -match ([regex]::Escape($Sources[2].name)) | Should -Match ':::unheard$'
        $script:Lines | Should -Contain '  classDef unheard stroke-dasharray: 5 5'
    }

    It 'is the same text twice, and -Path writes it to the file' {
        Export-PdConfiguration -As Mermaid | Should -BeExactly $script:Mermaid
        $file = Join-Path $TestDrive 'graph.mmd'
        Export-PdConfiguration -As Mermaid -Path $file
        [IO.File]::ReadAllText($file) | Should -BeExactly $script:Mermaid
    }
}
