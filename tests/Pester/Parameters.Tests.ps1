# Parameters a user reaches for: several -SourceId at once, Get-PdComponent -Id, Get-PdSource
# bound from a piped SourceId, and Get-PdWebhook -Id / -Name.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Reset-Emulator
    $null = New-EmulatorSource -Count 3
    $null = Connect-TestAccount
    $script:Sources = Get-TestSource
    $a = $script:Sources[0].id
    $b = $script:Sources[1].id
    $null = Send-EmulatorEvent -EmitterId $a -Event @{ n = 'a' } -Count 3
    $null = Send-EmulatorEvent -EmitterId $b -Event @{ n = 'b' } -Count 2
}

Describe 'Get-PdEvent -SourceId with several ids' {
    It 'lists each source in turn, each event stamped with its source' {
        $a, $b = $Sources[0].id, $Sources[1].id
        $events = @(Get-PdEvent -SourceId $a, $b)
        $events.Count | Should -Be 5
        @($events | Where-Object SourceId -eq $a).Count | Should -Be 3
        @($events | Where-Object SourceId -eq $b).Count | Should -Be 2
    }

    It '-First applies to each source' {
        $events = @(Get-PdEvent -SourceId $Sources[0].id, $Sources[1].id -First 1)
        $events.Count | Should -Be 2
        ($events.SourceId | Select-Object -Unique).Count | Should -Be 2
    }

    It 'a bad id among them is an error for that id, and the others are still listed' {
        $events = @(Get-PdEvent -SourceId $Sources[0].id, 'dc_gone', $Sources[1].id -ErrorVariable errs -ErrorAction SilentlyContinue)
        $events.Count | Should -Be 5
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound,*'
        $errs[0].TargetObject | Should -Be 'dc_gone'
    }
}

Describe 'Get-PdComponent -Id' {
    BeforeAll {
        $script:Component = (Invoke-TestApi -Method POST -Path components -Body @{ component_code = 'export default { name: "by-id", key: "by-id", version: "0.0.1", async run() {} }' }).data
    }

    It 'gets a saved component by its sc_ id' {
        Clear-EmulatorRequest
        $c = Get-PdComponent -Id $Component.id
        $c.Id | Should -Be $Component.id
        (Get-EmulatorRequest).Path | Should -Be "/v1/components/$($Component.id)"
    }

    It 'refuses anything but an sc_ id before any request' {
        Clear-EmulatorRequest
        { Get-PdComponent -Id 'rss-new-item-in-feed' } | Should -Throw -ErrorId 'PdInvalidArgument,PSPipedream.Cmdlets.GetPdComponentCommand'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'still gets the component of each piped source by its key or id' {
        @($Sources[0] | ForEach-Object { [pscustomobject]@{ ComponentId = $_.component_id } } | Get-PdComponent).Count | Should -Be 1
    }
}

Describe 'Get-PdSource from a piped SourceId' {
    It 'gets the source an event came from' {
        $event = Get-PdEvent -SourceId $Sources[1].id -First 1
        $source = @($event | Get-PdSource)
        $source.Count | Should -Be 1
        $source[0].Id | Should -Be $Sources[1].id
    }

    It 'does not take a piped Id, so an org from Get-PdOrg still lists that org''s sources' {
        $cmd = Get-Command Get-PdSource
        $cmd.Parameters['Id'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Not -Contain $true
        $cmd.Parameters['SourceId'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Contain $true
    }
}

Describe 'Get-PdWebhook -Id and -Name' {
    BeforeAll {
        $script:Hooks = foreach ($n in 'ops-alerts', 'ops-audit', 'billing') {
            (Invoke-TestApi -Method POST -Path "webhooks?url=https://example.com/$n&name=$n").data
        }
    }

    It '-Name takes wildcards' {
        @(Get-PdWebhook -Name 'ops-*').Name | Should -Be 'ops-alerts', 'ops-audit'
        @(Get-PdWebhook billing).Id | Should -Be $Hooks[2].id
    }

    It '-Id finds those webhooks and reports the ones that are not there' {
        $out = @(Get-PdWebhook -Id $Hooks[1].id, 'wh_missing' -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Id | Should -Be $Hooks[1].id
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PdNotFound,*'
        "$($errs[0].Exception.Message)" | Should -Be "Webhook 'wh_missing' was not found."
    }

    It 'an exact name that matches nothing is PdNotFound; a pattern that matches nothing is not' {
        $null = Get-PdWebhook -Name 'nothing' -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].Exception.Message | Should -Be "A webhook named 'nothing' was not found."
        $null = Get-PdWebhook -Name 'nothing*' -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2.Count | Should -Be 0
    }

    It 'refuses an id that is not a webhook id before any request' {
        Clear-EmulatorRequest
        { Get-PdWebhook -Id dc_x } | Should -Throw -ErrorId 'PdInvalidArgument,PSPipedream.Cmdlets.GetPdWebhookCommand'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}
