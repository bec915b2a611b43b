#Requires -Version 5.1
#Requires -Modules PSPipedream

<#
.SYNOPSIS
    Backs up your Pipedream account to a dated JSON file in a folder, keeping the last N.

.DESCRIPTION
    Runs Export-PdConfiguration and writes the account's sources, subscriptions and webhooks to
    a file named for the time of the backup, in UTC:

        pipedream-2026-12-07T2015Z.json

    so that the files sort by name in the order they were taken. A second backup in the same
    minute replaces the first. Then it keeps the newest -Keep backups in the folder and deletes
    the older ones. It only ever deletes files whose names have exactly this form: anything else
    in the folder, and files named otherwise, are left alone.

    The files hold what Export-PdConfiguration writes: no secret values (placeholders name them),
    no event history, no auto-subscriptions and no workflows. Compare one with the account with
    Compare-PdConfiguration -Path <file>.

    It needs a PSPipedream connection: run Connect-PdAccount first, or set
    $env:PIPEDREAM_API_KEY (and $env:PIPEDREAM_BASE_URL for another API root) and the module
    connects on its own. It only reads from Pipedream. If a read fails, it stops with that
    error, writes no file and deletes none.

.PARAMETER Path
    The folder to write the backups to; it is created if it does not exist.

.PARAMETER Keep
    How many backups to keep, the newest by name, counting the one just written. Default: 30.

.PARAMETER OrgId
    Back up this org's sources and subscriptions (o_...) instead of your own. Without it the
    connection's default org is used, if it has one.

.PARAMETER Force
    Back up sources or webhooks that share a name anyway (Export-PdConfiguration -Force); without
    it such an account stops the backup with the error PdAmbiguousName.

.EXAMPLE
    ./Backup-PdAccount.ps1 -Path ./backups

    Writes ./backups/pipedream-<date>.json and keeps the 30 newest backups.

.EXAMPLE
    ./Backup-PdAccount.ps1 -Path /var/backups/pipedream -Keep 7 -WhatIf

    Shows the file it would write and the old backups it would delete, and changes nothing.
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([System.IO.FileInfo])]
param(
    [Parameter(Mandatory, Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidateRange(1, [int]::MaxValue)]
    [int] $Keep = 30,

    [ValidatePattern('^o_[A-Za-z0-9_-]+$')]
    [string] $OrgId,

    [switch] $Force
)

Set-StrictMode -Version 3.0

# The only names this script writes, and so the only ones it deletes.
$namePattern = '^pipedream-\d{4}-\d\d-\d\dT\d{4}Z\.json$'

$folder = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
    $null = New-Item -ItemType Directory -Path $folder
}

$name = 'pipedream-' + [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HHmm'Z'", [cultureinfo]::InvariantCulture) + '.json'
$file = Join-Path $folder $name

$exportParams = @{ Path = $file; Force = $Force }
if ($OrgId) { $exportParams.OrgId = $OrgId }
# Stop here on a failed read: deleting old backups after a failed one would lose the good ones.
Export-PdConfiguration @exportParams -ErrorAction Stop
if (Test-Path -LiteralPath $file) { Get-Item -LiteralPath $file }

# The new name counts even under -WhatIf, so -WhatIf shows what a real run would delete.
$existing = @(if (Test-Path -LiteralPath $folder) { Get-ChildItem -LiteralPath $folder -File | Select-Object -ExpandProperty Name })
$backups = @($existing + $name | Where-Object { $_ -cmatch $namePattern } | Sort-Object -Unique -Descending)
foreach ($old in @($backups | Select-Object -Skip $Keep)) {
    $oldFile = Join-Path $folder $old
    if ((Test-Path -LiteralPath $oldFile) -and $PSCmdlet.ShouldProcess($oldFile, 'Delete an old backup')) {
        Remove-Item -LiteralPath $oldFile -Confirm:$false -WhatIf:$false
        Write-Verbose "Deleted $oldFile; $Keep backups kept."
    }
}
