# The Package task: Build, then the two packages in out/packages: the module (through PSResourceGet,
# as a user's Publish-PSResource would make it) and the emulator as a .NET tool.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Process.psm1')
Import-Module (Join-Path $PSScriptRoot 'Build.psm1')

function Invoke-ModulePackage($Build) {
    Invoke-ModuleBuild $Build
    $version = Get-ProjectVersion $Build.Root
    $packagesOut = $Build.PackagesOut
    if (Test-Path $packagesOut) { Remove-Item -Recurse -Force $packagesOut }
    $null = New-Item -ItemType Directory -Force $packagesOut

    Write-Step "Publish-PSResource PSPipedream $version to $packagesOut"
    # The repository is registered in a temporary home, so it never lands in the user's own settings.
    $tempHome = Join-Path ([IO.Path]::GetTempPath()) ('pspd-home-' + [guid]::NewGuid().ToString('N'))
    try {
        $said = Invoke-IsolatedPwsh -TempHome $tempHome -ScriptFile (Join-Path $PSScriptRoot 'Publish-Module.ps1') `
            -ArgumentList @('-ModulePath', $Build.ModuleOut, '-RepositoryPath', $packagesOut)
        if ($said.Trim()) { Write-Host $said.TrimEnd() }
    }
    finally {
        Remove-Item -Recurse -Force $tempHome -ErrorAction SilentlyContinue
    }
    $modulePackage = Join-Path $packagesOut "PSPipedream.$version.nupkg"
    if (-not (Test-Path $modulePackage)) { throw "Publish-PSResource wrote no $modulePackage." }

    Write-Step "dotnet pack PSPipedream.Emulator $version"
    $emulator = Join-Path $Build.Root 'src/PSPipedream.Emulator'
    # Pack copies the project's publish folder into the tool; start it empty so nothing stale rides along.
    $publishDir = Join-Path $emulator "bin/$($Build.Configuration)/net10.0/publish"
    if (Test-Path $publishDir) { Remove-Item -Recurse -Force $publishDir }
    Invoke-Native dotnet @('pack', (Join-Path $emulator 'PSPipedream.Emulator.csproj'), '-c', $Build.Configuration, '--no-build',
        '--nologo', '-v', 'minimal', '-o', $packagesOut)
    $toolPackage = Join-Path $packagesOut "PSPipedream.Emulator.$version.nupkg"
    if (-not (Test-Path $toolPackage)) { throw "dotnet pack wrote no $toolPackage." }
    Write-Host "Packages $version written to $packagesOut"
}

Export-ModuleMember -Function Invoke-ModulePackage
