# "A POST that may have taken effect is never sent twice", against a server that reads each create
# and hangs up without answering: the one case where .NET's HTTP stack would otherwise send the
# request again on its own. Every create cmdlet and Invoke-PdApi must reach the server exactly once,
# and the error must say one attempt.

BeforeAll {
    Import-Module $env:PSPD_TEST_MODULE -Force
    $script:Log = Join-Path ([IO.Path]::GetTempPath()) ("pspd-hangup-{0}.log" -f [guid]::NewGuid())
    $psi = [Diagnostics.ProcessStartInfo]::new('python3')
    foreach ($a in (Join-Path $PSScriptRoot 'servers/HangupServer.py'), '--log', $script:Log, '--seconds', '300') {
        $psi.ArgumentList.Add($a)
    }
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $script:Server = [Diagnostics.Process]::Start($psi)
    $line = $script:Server.StandardOutput.ReadLine()
    if ($line -notmatch '^PORT (\d+)$') { throw "The hang-up server did not start: $line" }
    $script:BaseUri = "http://127.0.0.1:$($Matches[1])/v1"
}

AfterAll {
    if ($script:Server -and -not $script:Server.HasExited) { $script:Server.Kill() }
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
}

Describe 'A create that meets a hang-up is sent once' -Tag Faults {
    BeforeEach {
        Set-Content -LiteralPath $script:Log -Value $null
        $script:Connection = Connect-PdAccount -BaseUri $script:BaseUri -ApiKey 'hangup-key-0123456789abcdefghij' -PassThru
    }

    It '<Name> reaches the server once and its error says one attempt' -TestCases @(
        @{ Name = 'New-PdWebhook'; Request = 'POST /v1/webhooks?*'; Call = { New-PdWebhook -Url https://example.com/hook -Name h -Connection $args[0] } }
        @{ Name = 'New-PdSubscription'; Request = 'POST /v1/subscriptions?*'; Call = { New-PdSubscription -EmitterId dc_abc -ListenerId p_abc -Connection $args[0] } }
        @{ Name = 'New-PdAutoSubscription'; Request = 'POST /v1/auto_subscriptions?*'; Call = { New-PdAutoSubscription -ListenerId p_abc -EventName e -Connection $args[0] } }
        @{ Name = 'New-PdSource'; Request = 'POST /v1/sources'; Call = { New-PdSource -ComponentId sc_abc -Name s -Connection $args[0] } }
        @{ Name = 'New-PdComponent'; Request = 'POST /v1/components'; Call = { New-PdComponent -Code 'export default {}' -Connection $args[0] } }
        @{ Name = 'Invoke-PdApi -Method POST'; Request = 'POST /v1/anything'; Call = { Invoke-PdApi -Method POST -Path /anything -Connection $args[0] } }
    ) {
        param($Name, $Request, $Call)
        $err = $null
        try { $ErrorActionPreference = 'Stop'; & $Call $script:Connection } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.Exception.Attempts | Should -Be 1
        $err.Exception.Message | Should -Match 'after 1 attempt\b'
        $err.Exception.Message | Should -Match 'may have taken effect'
        @(Get-Content -LiteralPath $script:Log | Where-Object { $_ -like $Request }) | Should -HaveCount 1
    }
}

Describe 'Import-PdConfiguration meeting a hang-up on its writes' -Tag Faults {
    BeforeEach {
        Set-Content -LiteralPath $script:Log -Value $null
        $script:Connection = Connect-PdAccount -BaseUri $script:BaseUri -ApiKey 'hangup-key-0123456789abcdefghij' -PassThru
    }

    It 'sends each create once, says one attempt, and skips what depends on a create that may not exist' {
        # The server's lists are empty, so the file's webhook, component and source all need creating.
        $file = Join-Path $TestDrive 'hangup.json'
        Set-Content -LiteralPath $file -Encoding utf8NoBOM -Value @'
{
  "format_version": 1,
  "owner": "u_hangup",
  "sources": [
    { "name": "feed", "active": true,
      "component": { "id": "sc_abc", "key": "hangup-feed", "version": "0.0.1", "code_hash": "h1" },
      "props": {} }
  ],
  "subscriptions": [],
  "webhooks": [ { "name": "ops", "url": "https://example.com/hook", "description": null } ],
  "components": [ { "code_hash": "h1", "key": "hangup-feed", "version": "0.0.1", "code": "export default {}" } ]
}
'@
        $out = @(Import-PdConfiguration -Path $file -Connection $script:Connection -ErrorVariable errs -ErrorAction SilentlyContinue)
        @(Get-Content -LiteralPath $script:Log | Where-Object { $_ -like 'POST /v1/webhooks?*' }) | Should -HaveCount 1
        @(Get-Content -LiteralPath $script:Log | Where-Object { $_ -like 'POST /v1/components*' }) | Should -HaveCount 1
        @(Get-Content -LiteralPath $script:Log | Where-Object { $_ -like 'POST /v1/sources*' }) | Should -HaveCount 0
        @($errs).Count | Should -BeGreaterOrEqual 2
        $errs | ForEach-Object { $_.Exception.Message | Should -Match 'after 1 attempt\b' }
        ($out | Where-Object Kind -EQ 'Webhook').Result | Should -BeLike 'Failed*'
        ($out | Where-Object Kind -EQ 'Source').Result | Should -BeLike 'Skipped*'
    }
}
