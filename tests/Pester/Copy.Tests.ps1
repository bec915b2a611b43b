# Get-PdSource | New-PdSource copies sources: each copy gets the original's component and
# configured props (nested ones too), less what the server makes for each source (an HTTP
# interface's endpoint_url), and a name of its own when asked for one.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emu = @{ Emulator = $env:PSPD_TEST_ROOT }

    $script:HookCode = @'
module.exports = {
  key: "copy-hook",
  name: "Copy Hook",
  version: "0.0.1",
  props: {
    http: { type: "$.interface.http", customResponse: true },
    timer: { type: "$.interface.timer", default: { intervalSeconds: 900 } },
    url: { type: "string", label: "Feed URL" },
    token: { type: "string", secret: true, optional: true, label: "Token" },
    routing: { type: "object", label: "Routing" },
  },
  async run() {
    this.$emit({ ok: true });
  },
};
'@
    # A source made straight through the API, so the copy is compared with what the server holds.
    function New-HookSource([string] $Name, [hashtable] $Props) {
        (Invoke-TestApi -Method POST -Path sources -Body @{ component_code = $script:HookCode; name = $Name; configured_props = $Props }).data
    }

    # The props without the server's endpoint_url, as JSON text that compares exactly.
    function Get-ComparableProps($Source) {
        $props = $Source.configured_props | ConvertTo-Json -Depth 20 | ConvertFrom-Json
        $props.http.PSObject.Properties.Remove('endpoint_url')
        $props | ConvertTo-Json -Depth 20 -Compress
    }

    function Get-TestSourceById([string] $Id) { Get-TestSource | Where-Object id -EQ $Id }
    function Get-Post { @(Get-PdEmulatorRequest @script:Emu -Method POST) }

    $script:Nested = @{
        url     = 'https://rss.example.com/feed'
        timer   = @{ intervalSeconds = 60 }
        token   = 'tok_COPY_SECRET'
        routing = @{ rules = @(@{ match = 'error*'; to = @('ops', 'oncall') }, @{ match = '*'; to = @() }); fallback = $null; weight = 0.5 }
    }
}

Describe 'Get-PdSource | New-PdSource' {
    BeforeEach {
        Reset-Emulator
        $null = Connect-TestAccount
        $script:Original = New-HookSource 'hook-1' $script:Nested
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
    }

    It 'creates the copy with the same component and nested props, less the endpoint_url, and says what it left out' {
        $verbose = @(Get-PdSource -Id $script:Original.id | New-PdSource -NameSuffix '-copy' -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $copy = Get-TestSource | Where-Object name -EQ 'hook-1-copy'
        @($copy).Count | Should -Be 1
        $copy.id | Should -Not -Be $script:Original.id
        $copy.component_id | Should -Be $script:Original.component_id
        Get-ComparableProps $copy | Should -Be (Get-ComparableProps $script:Original)
        # The copy has an endpoint of its own; the original's was never sent.
        $copy.configured_props.http.endpoint_url | Should -Not -BeNullOrEmpty
        $copy.configured_props.http.endpoint_url | Should -Not -Be $script:Original.configured_props.http.endpoint_url
        $body = (Get-Post | Where-Object Path -EQ '/v1/sources').Body | ConvertFrom-Json
        $body.component_id | Should -Be $script:Original.component_id
        $body.name | Should -Be 'hook-1-copy'
        $body.configured_props.http.PSObject.Properties.Name | Should -Not -Contain 'endpoint_url'
        @($verbose.Message -like "Copy of $($script:Original.id) (hook-1): left out configured_props.http.endpoint_url, which the server makes for each source.").Count | Should -Be 1
    }

    It 'keeps the name when none is given, and warns that two sources now share it' {
        $copy = Get-PdSource -Id $script:Original.id | New-PdSource -WarningVariable warnings -WarningAction SilentlyContinue
        $copy.Name | Should -Be 'hook-1'
        $copy.Id | Should -Not -Be $script:Original.id
        "$warnings" | Should -Be "The copy of $($script:Original.id) (hook-1) keeps the name 'hook-1': the API allows two sources with one name. Give -Name, -NamePrefix or -NameSuffix to tell them apart."
        @(Get-TestSource | Where-Object name -EQ 'hook-1').Count | Should -Be 2
    }

    It 'takes -Name and -NamePrefix for the copy, without a warning' {
        $named = Get-PdSource -Id $script:Original.id | New-PdSource -Name 'hook-staging' -WarningVariable w1
        $prefixed = Get-PdSource -Id $script:Original.id | New-PdSource -NamePrefix 'eu-' -WarningVariable w2
        $named.Name | Should -Be 'hook-staging'
        $prefixed.Name | Should -Be 'eu-hook-1'
        @($w1) + @($w2) | Should -BeNullOrEmpty
        Get-ComparableProps (Get-TestSourceById $prefixed.Id) | Should -Be (Get-ComparableProps $script:Original)
    }

    It 'copies a list still being read once, never the copies it reaches on later pages' {
        # 150 sources: Get-PdSource walks two pages, and the copies made from the first page are
        # listed on the second. Select-Object bounds the run should they be copied again.
        $null = New-EmulatorSource -Count 150 -NamePrefix 'loop-'
        $copies = @(Get-PdSource -Name 'loop-*' | New-PdSource -NameSuffix '-copy' -WarningVariable warnings -WarningAction SilentlyContinue |
                Select-Object -First 400)
        $copies.Count | Should -Be 150
        @(Get-PdSource -All -Name 'loop-*').Count | Should -Be 300
        @(Get-PdSource -All -Name '*-copy-copy') | Should -BeNullOrEmpty
        @($warnings | Where-Object { "$_" -like 'Left out dc_* and any other copy this command made*' }).Count | Should -Be 1
    }

    It 'copies several sources, each with its own props' {
        $second = New-HookSource 'hook-2' @{ url = 'https://two.example.com/feed'; routing = @{ rules = @() } }
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        $copies = @(Get-PdSource -Name 'hook-*' | Sort-Object Name | New-PdSource -NameSuffix '-copy')
        @($copies.Name) | Should -Be @('hook-1-copy', 'hook-2-copy')
        Get-ComparableProps (Get-TestSourceById $copies[0].Id) | Should -Be (Get-ComparableProps $script:Original)
        Get-ComparableProps (Get-TestSourceById $copies[1].Id) | Should -Be (Get-ComparableProps (Get-TestSourceById $second.id))
    }

    It 'copies from Export-Csv rows too: the Props column is JSON text' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) ('pspd-copy-' + [guid]::NewGuid().ToString('N') + '.csv')
        try {
            Get-PdSource -Id $script:Original.id | Export-Csv -Path $csv
            $copy = Import-Csv -Path $csv | New-PdSource -NameSuffix '-restored'
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }
        $copy.Name | Should -Be 'hook-1-restored'
        Get-ComparableProps (Get-TestSourceById $copy.Id) | Should -Be (Get-ComparableProps $script:Original)
    }

    It '-WhatIf names the copy and its original, and sends nothing' {
        $source = Get-PdSource -Id $script:Original.id
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ('pspd-copy-' + [guid]::NewGuid().ToString('N') + '.txt')
        $null = Start-Transcript -Path $transcript
        try { $source | New-PdSource -NameSuffix '-copy' -WhatIf }
        finally { $null = Stop-Transcript }
        $text = Get-Content -Raw $transcript
        Remove-Item $transcript
        $text | Should -Match ([regex]::Escape("What if: Performing the operation ""Create source"" on target ""source 'hook-1-copy' from $($script:Original.component_id), a copy of $($script:Original.id) (hook-1)""."))
        @(Get-PdEmulatorRequest @script:Emu).Count | Should -Be 0
        @(Get-TestSource).Count | Should -Be 1
    }

    It 'warns when a secret prop has no value to copy, naming the copy and how to set it' {
        $bare = New-HookSource 'hook-bare' @{ url = 'https://rss.example.com/feed'; routing = @{} }
        $copy = Get-PdSource -Id $bare.id | New-PdSource -NameSuffix '-copy' -WarningVariable warnings -WarningAction SilentlyContinue
        $copy.Name | Should -Be 'hook-bare-copy'
        "$warnings" | Should -BeLike "The copy $($copy.Id) (hook-bare-copy) of $($bare.id) (hook-bare) has no value for the secret prop 'token':*Set-PdSource -Id $($copy.Id) -Props*"
        # With the secret listed, it is copied and nothing is said.
        $full = Get-PdSource -Id $script:Original.id | New-PdSource -NameSuffix '-2' -WarningVariable quiet
        @($quiet) | Should -BeNullOrEmpty
        (Get-TestSourceById $full.Id).configured_props.token | Should -Be 'tok_COPY_SECRET'
    }

    It 'makes the copy of a source listed from an org in that org' {
        $inOrg = New-PdSource -ComponentId $script:Original.component_id -Name 'org-hook' -Props @{ url = 'https://o.example.com/'; routing = @{} } -OrgId o_emulator
        Clear-PdEmulatorRequest @script:Emu -Confirm:$false -WhatIf:$false
        $copy = Get-PdSource -OrgId o_emulator -Id $inOrg.Id | New-PdSource -NameSuffix '-copy'
        $copy.OrgId | Should -Be 'o_emulator'
        @((Invoke-TestApi -Path 'orgs/o_emulator/sources').data.id) | Should -Contain $copy.Id
        (Get-Post | Where-Object Path -EQ '/v1/sources').Query | Should -Match 'org_id=o_emulator'
    }

    It 'refuses -NameSuffix when there is no name to add it to' {
        $err = Get-PdErrorRecord { New-PdSource -ComponentId $script:Original.component_id -NameSuffix '-copy' }
        $err.FullyQualifiedErrorId | Should -BeLike 'PdInvalidArgument*'
        "$err" | Should -Match '-NamePrefix and -NameSuffix add to a name'
        @(Get-Post).Count | Should -Be 0
    }

    It 'takes -Props as JSON text of an object, and refuses other JSON' {
        $source = New-PdSource -ComponentId $script:Original.component_id -Name 'from-json' -Props '{"url": "https://j.example.com/", "routing": {"rules": []}}'
        (Get-TestSourceById $source.Id).configured_props.url | Should -Be 'https://j.example.com/'
        $err = Get-PdErrorRecord { New-PdSource -ComponentId $script:Original.component_id -Props '[1, 2]' }
        "$err" | Should -Match 'an object of named values'
    }
}
