# Helpers for the Pester suites: drive the emulator through the module's emulator cmdlets
# (Get-PdEmulatorRequest, Add-PdEmulatorFault, ...), connect the module to it, and reach the API
# directly for setup and state checks. build.ps1 starts the emulator and sets PSPD_TEST_* variables.
# The process plumbing (a fresh pwsh, one in a temporary home, an emulator of a test's own) is the
# build's own, from build/Process.psm1, and is exported from here with the rest.

Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../../build/Process.psm1')

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

# One raw control API call; returns the answer's `data` (or nothing for an empty answer). Only for
# what no emulator cmdlet does: adding users with orgs and plans (POST /_emulator/users).
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

# The suite's own emulator (started by build.ps1), driven through the module's emulator cmdlets.
# The wrappers below only add -Emulator (and, for cmdlets that change state, -WhatIf:$false
# -Confirm:$false); the rest of their parameters are the cmdlets' own, and so is their output.
$script:EmulatorControl = @{ WhatIf = $false; Confirm = $false; ErrorAction = 'Stop' }

function Reset-Emulator { Reset-PdEmulator -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl }

# PSPipedream.PdEmulatorRequest objects, oldest first (takes -Since, -Method, -Path, -Last).
function Get-EmulatorRequest { Get-PdEmulatorRequest -Emulator (Get-EmulatorSetting).Root -ErrorAction Stop @args }

function Clear-EmulatorRequest { Clear-PdEmulatorRequest -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl }

# Takes Add-PdEmulatorFault's parameters: -Path, -Method, -Count and one of -Status [-RetryAfter],
# -Abort, -Truncate, -NonJson [-Status], -NoData [-Status], -RepeatCursor, -Delay <ms>.
function Add-EmulatorFault { Add-PdEmulatorFault -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl @args }

function Clear-EmulatorFault { Clear-PdEmulatorFault -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl }

# A user made through the raw control API: no cmdlet adds users (or their orgs and plan).
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
    $owner = if ($OwnerId) { @{ OwnerId = $OwnerId } } else { @{} }
    (New-PdEmulatorWorkflow -Emulator (Get-EmulatorSetting).Root @owner @script:EmulatorControl).Id
}

# The ids of the events emitted, one string each (takes -EmitterId, -Event, -Name, -Count).
function Send-EmulatorEvent { Send-PdEmulatorEvent -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl @args }

# Count, FirstId and LastId of the sources made (takes -Count, -NamePrefix, -OwnerId).
function New-EmulatorSource { Add-PdEmulatorSource -Emulator (Get-EmulatorSetting).Root @script:EmulatorControl @args }

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

# The API itself, with the default user's key, bypassing the module (for setup and state checks).
function Invoke-TestApi {
    param([string] $Method = 'GET', [Parameter(Mandatory)] [string] $Path, [object] $Body)
    $setting = Get-EmulatorSetting
    $params = @{
        Method  = $Method
        Uri     = $setting.BaseUri.TrimEnd('/') + '/' + $Path.TrimStart('/')
        Headers = @{ Authorization = "Bearer $($setting.ApiKey)" }
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $params.Body = ConvertTo-Json -InputObject $Body -Depth 20 -Compress
        $params.ContentType = 'application/json'
    }
    Invoke-RestMethod @params
}

# The sources the emulator holds for the default user, oldest first.
function Get-TestSource { @((Invoke-TestApi -Path 'users/me/sources?limit=100').data) }

# Ids of the events the emulator holds for a source, newest first.
function Get-TestEventId([string] $SourceId) {
    @((Invoke-TestApi -Path "sources/$SourceId/event_summaries?limit=100").data | ForEach-Object id)
}

# A subscription made straight through the API (in the org when -OrgId is given).
function New-TestSubscription([string] $EmitterId, [string] $ListenerId, [string] $EventName = '', [string] $OrgId) {
    $query = 'emitter_id=' + [uri]::EscapeDataString($EmitterId) + '&listener_id=' + [uri]::EscapeDataString($ListenerId) +
        '&event_name=' + [uri]::EscapeDataString($EventName)
    if ($OrgId) { $query += "&org_id=$OrgId" }
    (Invoke-TestApi -Method POST -Path "subscriptions?$query").data
}

# The subscriptions the emulator holds for the default user (or the org), oldest first.
function Get-TestSubscription([string] $OrgId) {
    $path = if ($OrgId) { "orgs/$OrgId/subscriptions?limit=100" } else { 'users/me/subscriptions?limit=100' }
    @((Invoke-TestApi -Path $path).data)
}

# A raw query string (as the emulator logs it) as a hashtable; '+' reads as a space, a name without '=' maps to ''.
function ConvertFrom-TestQuery([string] $Query) {
    $result = @{}
    if ([string]::IsNullOrEmpty($Query)) { return $result }
    foreach ($pair in $Query.TrimStart('?').Split('&')) {
        if ($pair -eq '') { continue }
        $parts = $pair.Split('=', 2)
        $value = if ($parts.Count -gt 1) { [uri]::UnescapeDataString($parts[1].Replace('+', ' ')) } else { '' }
        $result[[uri]::UnescapeDataString($parts[0].Replace('+', ' '))] = $value
    }
    $result
}

# The message of what the script block throws ('' when nothing is thrown); with -ErrorAction Stop
# a non-terminating error counts too.
function Get-ThrownErrorText([scriptblock] $ScriptBlock) {
    try { $null = & $ScriptBlock; '' }
    catch {
        $details = if ($_.ErrorDetails) { $_.ErrorDetails.Message } else { '' }
        "$($_.Exception.Message) $details"
    }
}

# The first error record a command produces, terminating or not, or $null. Errors written to the
# error stream are caught by redirecting it, so this does not depend on the caller's preferences.
function Get-PdErrorRecord([Parameter(Mandatory)] [scriptblock] $ScriptBlock) {
    try { $output = & $ScriptBlock 2>&1 }
    catch { return $_ }
    $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
}

# Whether the object carries the module's type name PSPipedream.<Name> (or PSPipedream.Models.<Name>).
function Test-PdTypeName($InputObject, [string] $Name) {
    if ($null -eq $InputObject) { return $false }
    $names = @($InputObject.PSObject.TypeNames)
    ($names -contains "PSPipedream.$Name") -or ($names -contains "PSPipedream.Models.$Name")
}

# Runs a script in a fresh pwsh whose home is $TempHome, offline but for loopback (see
# Invoke-IsolatedPwsh in build/Process.psm1), with $ErrorActionPreference 'Stop', so any error fails
# it. The script's last output line is JSON; returns it as an object, or throws with everything the
# child wrote. -Output gets the child's whole output, for what a user would have seen.
function Invoke-IsolatedScript([string] $TempHome, [string] $Script, [ref] $Output) {
    $file = Join-Path $TempHome 'script.ps1'
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`n" + $Script) -Encoding utf8
    $stdout = Invoke-IsolatedPwsh -TempHome $TempHome -ScriptFile $file -Offline -TimeoutSeconds 180
    if ($Output) { $Output.Value = $stdout }
    $lines = @($stdout -split '\r?\n' | Where-Object { $_.Trim() })
    if ($lines.Count -eq 0) { throw "The child pwsh wrote nothing:`n$stdout" }
    $lines[-1] | ConvertFrom-Json
}

Export-ModuleMember -Function Get-EmulatorSetting, Reset-Emulator, Get-EmulatorRequest,
    Clear-EmulatorRequest, Add-EmulatorFault, Clear-EmulatorFault, New-EmulatorUser, New-EmulatorWorkflow,
    Send-EmulatorEvent, New-EmulatorSource, ConvertTo-TestSecureString, Connect-TestAccount,
    Invoke-TestApi, Get-TestSource, Get-TestEventId, New-TestSubscription, Get-TestSubscription,
    ConvertFrom-TestQuery, Get-ThrownErrorText, Get-PdErrorRecord, Test-PdTypeName,
    Get-PwshCommand, New-PwshStartInfo, Invoke-IsolatedPwsh, Invoke-IsolatedScript, New-EmulatorKey, Start-EmulatorProcess, Stop-EmulatorProcess
