# Helpers for the Pester suites: talk to the emulator's control API (/_emulator) and
# connect the module to it. build.ps1 starts the emulator and sets PSPD_TEST_* variables.

Set-StrictMode -Version 3.0

function Get-EmulatorSetting {
    foreach ($name in 'PSPD_TEST_ROOT', 'PSPD_TEST_BASEURI', 'PSPD_TEST_APIKEY', 'PSPD_TEST_MODULE') {
        if (-not [Environment]::GetEnvironmentVariable($name)) {
            throw "$name is not set: run the Pester suites through 'build.ps1 -Task Test'."
        }
    }
    [pscustomobject]@{
        Root    = $env:PSPD_TEST_ROOT
        BaseUri = $env:PSPD_TEST_BASEURI
        ApiKey  = $env:PSPD_TEST_APIKEY
        Module  = $env:PSPD_TEST_MODULE
    }
}

# One control API call; returns the answer's `data` (or nothing for an empty answer).
function Invoke-Emulator {
    param(
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [object] $Body
    )
    $params = @{
        Method     = $Method
        Uri        = (Get-EmulatorSetting).Root + '/_emulator/' + $Path.TrimStart('/')
        TimeoutSec = 30
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $params.Body = ConvertTo-Json -InputObject $Body -Depth 20 -Compress
        $params.ContentType = 'application/json'
    }
    $answer = Invoke-RestMethod @params
    if ($null -ne $answer -and $answer.PSObject.Properties['data']) { return $answer.data }
    return $answer
}

function Reset-Emulator { $null = Invoke-Emulator -Method Post -Path reset }

function Get-EmulatorRequest {
    param([int] $Since = 0)
    $path = if ($Since -gt 0) { "requests?since=$Since" } else { 'requests' }
    Invoke-Emulator -Method Get -Path $path | ForEach-Object { $_ }
}

function Clear-EmulatorRequest { $null = Invoke-Emulator -Method Delete -Path requests }

function Add-EmulatorFault {
    param(
        [string] $Method = '*',
        [Parameter(Mandatory)] [string] $Path,
        [int] $Count = 1,
        [ValidateSet('status', 'delay', 'abort', 'truncate', 'non_json')] [string] $Action = 'status',
        [int] $Status = 0,
        [string] $RetryAfter,
        [int] $DelayMs = 0
    )
    $body = [ordered]@{ method = $Method; path = $Path; count = $Count; action = $Action; delay_ms = $DelayMs }
    if ($Status) { $body.status = $Status }
    if ($RetryAfter) { $body.retry_after = $RetryAfter }
    Invoke-Emulator -Method Post -Path faults -Body $body
}

function Clear-EmulatorFault { $null = Invoke-Emulator -Method Delete -Path faults }

function New-EmulatorUser {
    param(
        [Parameter(Mandatory)] [string] $Username,
        [ValidateSet('free', 'paid')] [string] $Plan = 'free',
        [object[]] $Orgs = @()
    )
    Invoke-Emulator -Method Post -Path users -Body ([ordered]@{
        username = $Username; email = "$Username@example.com"; plan = $Plan; orgs = $Orgs
    })
}

function New-EmulatorWorkflow {
    param([string] $OwnerId)
    $body = @{}
    if ($OwnerId) { $body.owner_id = $OwnerId }
    (Invoke-Emulator -Method Post -Path workflows -Body $body).id
}

function Send-EmulatorEvent {
    param(
        [Parameter(Mandatory)] [string] $EmitterId,
        [Parameter(Mandatory)] [object] $Event,
        [string] $Name = '',
        [int] $Count = 1
    )
    Invoke-Emulator -Method Post -Path emit -Body ([ordered]@{
        emitter_id = $EmitterId; event = $Event; name = $Name; count = $Count
    })
}

function New-EmulatorSource {
    param(
        [Parameter(Mandatory)] [int] $Count,
        [string] $OwnerId,
        [string] $NamePrefix = 'seed-'
    )
    $body = [ordered]@{ count = $Count; name_prefix = $NamePrefix }
    if ($OwnerId) { $body.owner_id = $OwnerId }
    Invoke-Emulator -Method Post -Path seed -Body $body
}

function ConvertTo-TestSecureString([Parameter(Mandatory)] [string] $Text) {
    $secure = [System.Security.SecureString]::new()
    foreach ($ch in $Text.ToCharArray()) { $secure.AppendChar($ch) }
    $secure.MakeReadOnly()
    return $secure
}

# Connects the module to the emulator with the default user's key (or -ApiKey).
function Connect-TestAccount {
    param([string] $ApiKey, [string] $OrgId)
    $setting = Get-EmulatorSetting
    $key = if ($ApiKey) { $ApiKey } else { $setting.ApiKey }
    $params = @{ BaseUri = $setting.BaseUri; ApiKey = (ConvertTo-TestSecureString $key); PassThru = $true }
    if ($OrgId) { $params.OrgId = $OrgId }
    Connect-PdAccount @params
}

Export-ModuleMember -Function Get-EmulatorSetting, Invoke-Emulator, Reset-Emulator, Get-EmulatorRequest,
    Clear-EmulatorRequest, Add-EmulatorFault, Clear-EmulatorFault, New-EmulatorUser, New-EmulatorWorkflow,
    Send-EmulatorEvent, New-EmulatorSource, ConvertTo-TestSecureString, Connect-TestAccount
