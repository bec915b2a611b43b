# Publishes the laid-out module to a folder repository, as a user's Publish-PSResource would.
# build/Package.psm1 runs it in a child pwsh with a temporary home, where the repository is
# registered; on Windows, where PSResourceGet's settings folder does not follow the environment,
# the finally block unregisters it.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet)) {
    throw 'Packaging needs Microsoft.PowerShell.PSResourceGet, which ships with PowerShell 7.4 and later (dotnet pwsh has it).'
}
$name = 'PSPipedreamBuild' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $name -Uri $RepositoryPath -Trusted
try { Publish-PSResource -Path $ModulePath -Repository $name }
finally { Unregister-PSResourceRepository -Name $name }
