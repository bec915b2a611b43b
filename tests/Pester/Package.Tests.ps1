# The packages in out/packages as a user meets them: PSPipedream installed from a folder repository
# with PSResourceGet and with PowerShellGet, and the emulator installed as a .NET tool.
# Every install runs in a fresh pwsh whose home is a temporary folder, so the user's own repositories
# and modules stay as they were, and nothing comes from (or goes to) the internet.
# Every test here is tagged Package: `build.ps1 -Task Test -NoPackage` writes no packages and leaves them out.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ModuleOut = Split-Path $env:PSPD_TEST_MODULE
    $script:Packages = Join-Path (Split-Path $script:ModuleOut) 'packages'
    $script:Manifest = Import-PowerShellDataFile $env:PSPD_TEST_MODULE
    $script:Version = [string] $script:Manifest.ModuleVersion
    $script:ModulePackage = Join-Path $script:Packages "PSPipedream.$($script:Version).nupkg"
    $script:ToolPackage = Join-Path $script:Packages "PSPipedream.Emulator.$($script:Version).nupkg"
    foreach ($package in $script:ModulePackage, $script:ToolPackage) {
        if (-not (Test-Path $package)) { throw "Missing $package; 'build.ps1 -Task Test' packages before it tests." }
    }
    $script:Temp = [System.Collections.Generic.List[string]]::new()

    function New-TempFolder([string] $Prefix) {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ("pspd-$Prefix-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Force $dir
        $script:Temp.Add($dir)
        $dir
    }


    # Names of the entries of a zip file, with '/' separators.
    function Get-ZipEntryName([string] $Path) {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try { @($zip.Entries | ForEach-Object { $_.FullName.Replace('\', '/') }) }
        finally { $zip.Dispose() }
    }

    function Get-ZipEntryText([string] $Path, [string] $Name) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry($Name).Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }

    # A folder repository holding only the module package.
    function New-ModuleRepository {
        $repo = New-TempFolder 'repo'
        Copy-Item $script:ModulePackage $repo
        $repo
    }

    # Where PSResourceGet and PowerShellGet keep their registered repositories, for a home's data and
    # cache folders.
    function Get-RepositoryStore([string] $DataHome, [string] $CacheHome) {
        (Join-Path $DataHome 'PSResourceGet/PSResourceRepository.xml'), (Join-Path $CacheHome 'powershell/PowerShellGet/PSRepositories.xml')
    }

    function Test-RepositoryInStore([string[]] $Store, [string] $Name) {
        foreach ($file in $Store) {
            if ((Test-Path $file) -and (Get-Content -Raw $file).Contains($Name)) { return $true }
        }
        $false
    }

    $userData = if ("$env:XDG_DATA_HOME".StartsWith('/')) { $env:XDG_DATA_HOME } else { Join-Path $HOME '.local/share' }
    $userCache = if ("$env:XDG_CACHE_HOME".StartsWith('/')) { $env:XDG_CACHE_HOME } else { Join-Path $HOME '.cache' }
    $script:UserStore = Get-RepositoryStore $userData $userCache

    # The repository was registered in the temporary home, and not in the user's own settings.
    function Assert-RepositoryStayedInHome([string] $TempHome, [string] $Name) {
        $tempStore = Get-RepositoryStore (Join-Path $TempHome '.local/share') (Join-Path $TempHome '.cache')
        Test-RepositoryInStore $tempStore $Name | Should -BeTrue -Because 'the repository is registered in the temporary home'
        Test-RepositoryInStore $script:UserStore $Name | Should -BeFalse -Because "the user's own repositories stay as they were"
    }

    # What the install scripts check once the module is installed: where it loaded from, its commands,
    # its help, and a cmdlet against the suite's emulator.
    $script:UseModule = @'
Import-Module PSPipedream
$module = Get-Module PSPipedream
$examples = @((Get-Help Get-PdSource -Examples).examples.example)
Connect-PdAccount -BaseUri $env:PSPD_TEST_BASEURI -ApiKey (ConvertTo-SecureString $env:PSPD_TEST_APIKEY -AsPlainText -Force)
$user = Get-PdUser
[ordered]@{
    ModuleBase = $module.ModuleBase
    Version    = [string] $module.Version
    Commands   = @(Get-Command -Module PSPipedream | ForEach-Object Name | Sort-Object)
    Examples   = $examples.Count
    ExampleCode = @($examples | ForEach-Object { $_.code }) -join "`n"
    UserId     = $user.Id
} | ConvertTo-Json -Compress
'@

    function Assert-InstalledModuleWorks($Result, [string] $TempHome) {
        $Result.ModuleBase | Should -BeLike "$TempHome*"
        $Result.Version | Should -Be $script:Version
        ($Result.Commands -join ',') | Should -Be (($script:Manifest.CmdletsToExport | Sort-Object) -join ',')
        $Result.Examples | Should -BeGreaterThan 0
        $Result.ExampleCode | Should -Match 'Get-PdSource'
        $Result.UserId | Should -Be 'u_emulator'
    }
}

AfterAll {
    foreach ($dir in $script:Temp) { Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue }
}

# On Windows, PSResourceGet and PowerShellGet find the user's module folder (and PSResourceGet its
# settings) through the shell, not the environment, so a temporary home cannot hold what they install:
# the install tests run on Linux and macOS only.
Describe 'The module package' -Tag 'Package' {
    It 'holds exactly what out/PSPipedream holds, with the version and release notes of the manifest' {
        # NuGet's own entries: the nuspec, the OPC parts and the core properties.
        $nugetParts = '^(PSPipedream\.nuspec|\[Content_Types\]\.xml|_rels/.*|package/services/metadata/.*)$'
        $entries = Get-ZipEntryName $script:ModulePackage | Where-Object { $_ -notmatch $nugetParts } | Sort-Object
        $files = Get-ChildItem $script:ModuleOut -Recurse -File |
            ForEach-Object { [IO.Path]::GetRelativePath($script:ModuleOut, $_.FullName).Replace('\', '/') } | Sort-Object
        $files | Should -Contain 'LICENSE'
        $files | Should -Contain 'en-US/PSPipedream.dll-Help.xml'
        $files | Should -Contain 'en-US/about_PSPipedream.help.txt'
        $files | Should -Contain 'en-US/about_PSPipedream_Testing.help.txt'
        ($entries -join ',') | Should -Be ($files -join ',')

        [xml] $nuspec = Get-ZipEntryText $script:ModulePackage 'PSPipedream.nuspec'
        $nuspec.package.metadata.id | Should -Be 'PSPipedream'
        $nuspec.package.metadata.version | Should -Be $script:Version
        $notes = $script:Manifest.PrivateData.PSData.ReleaseNotes
        $notes | Should -Not -BeNullOrEmpty
        $nuspec.package.metadata.releaseNotes.Replace("`r", '') | Should -Be $notes.Replace("`r", '')
        $changelog = (Get-Content -Raw (Join-Path $PSScriptRoot '../../CHANGELOG.md')).Replace("`r", '')
        $section = $changelog.IndexOf("## [$($script:Version)]")
        $section | Should -BeGreaterOrEqual 0 -Because 'CHANGELOG.md has a section for the version'
        $changelog.IndexOf($notes.Replace("`r", ''), $section) | Should -BeGreaterThan $section -Because 'the release notes are that section'
    }

    It 'installs with Install-PSResource from a folder repository, imports by name, works, and uninstalls' -Skip:$IsWindows {
        $repo = New-ModuleRepository
        $tempHome = New-TempFolder 'home'
        $name = 'PSPipedreamTest' + [guid]::NewGuid().ToString('N')
        $install = @"
Unregister-PSResourceRepository -Name PSGallery -ErrorAction SilentlyContinue
Register-PSResourceRepository -Name '$name' -Uri '$repo'
Install-PSResource -Name PSPipedream -Repository '$name' -TrustRepository -Scope CurrentUser
"@
        $result = Invoke-IsolatedScript $tempHome ($install + "`n" + $script:UseModule)
        Assert-InstalledModuleWorks $result $tempHome

        $gone = Invoke-IsolatedScript $tempHome @'
Uninstall-PSResource -Name PSPipedream -Scope CurrentUser
[ordered]@{
    Installed = @(Get-InstalledPSResource -Name PSPipedream -ErrorAction SilentlyContinue).Count
    Available = @(Get-Module -ListAvailable -Name PSPipedream).Count
} | ConvertTo-Json -Compress
'@
        $gone.Installed | Should -Be 0
        $gone.Available | Should -Be 0
        Assert-RepositoryStayedInHome $tempHome $name
    }

    It 'installs with PowerShellGet''s Install-Module from a folder repository, imports by name, works, and uninstalls' -Skip:$IsWindows {
        $repo = New-ModuleRepository
        $tempHome = New-TempFolder 'home'
        $name = 'PSPipedreamTest' + [guid]::NewGuid().ToString('N')
        $install = @"
Unregister-PSRepository -Name PSGallery -ErrorAction SilentlyContinue
Register-PSRepository -Name '$name' -SourceLocation '$repo' -InstallationPolicy Trusted
Install-Module -Name PSPipedream -Repository '$name' -Scope CurrentUser
"@
        $result = Invoke-IsolatedScript $tempHome ($install + "`n" + $script:UseModule)
        Assert-InstalledModuleWorks $result $tempHome

        $gone = Invoke-IsolatedScript $tempHome @'
Uninstall-Module -Name PSPipedream
[ordered]@{
    Installed = @(Get-InstalledModule -Name PSPipedream -ErrorAction SilentlyContinue).Count
    Available = @(Get-Module -ListAvailable -Name PSPipedream).Count
} | ConvertTo-Json -Compress
'@
        $gone.Installed | Should -Be 0
        $gone.Available | Should -Be 0
        Assert-RepositoryStayedInHome $tempHome $name
    }
}

Describe 'The emulator package' -Tag 'Package' {
    It 'is a .NET tool with the pd-emulator command' {
        $entries = Get-ZipEntryName $script:ToolPackage
        $entries | Should -Contain 'tools/net10.0/any/DotnetToolSettings.xml'
        $entries | Should -Contain 'tools/net10.0/any/PSPipedream.Emulator.dll'
        [xml] $settings = Get-ZipEntryText $script:ToolPackage 'tools/net10.0/any/DotnetToolSettings.xml'
        $settings.DotNetCliTool.Commands.Command.Name | Should -Be 'pd-emulator'
        [xml] $nuspec = Get-ZipEntryText $script:ToolPackage 'PSPipedream.Emulator.nuspec'
        $nuspec.package.metadata.id | Should -Be 'PSPipedream.Emulator'
        $nuspec.package.metadata.version | Should -Be $script:Version
    }

    It 'installs with dotnet tool install from out/packages alone, and pd-emulator answers the API' {
        $tools = New-TempFolder 'tools'
        # No package source but out/packages: the tool must install without any feed.
        $config = Join-Path (New-TempFolder 'nuget') 'nuget.config'
        Set-Content -Path $config -Encoding utf8 -Value '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>'
        $out = & dotnet tool install PSPipedream.Emulator --version $script:Version --tool-path $tools --add-source $script:Packages --configfile $config 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")

        $command = Join-Path $tools ($IsWindows ? 'pd-emulator.exe' : 'pd-emulator')
        $emulator = Start-EmulatorProcess -Command $command
        try {
            $url = $emulator.Root
            $url | Should -Not -BeNullOrEmpty -Because 'pd-emulator prints the address it listens on'

            $answer = Invoke-WebRequest -Uri "$url/v1/users/me" -Headers @{ Authorization = "Bearer $($emulator.ApiKey)" } -TimeoutSec 30
            $answer.StatusCode | Should -Be 200
            ($answer.Content | ConvertFrom-Json).data.id | Should -Be 'u_emulator'
        }
        finally {
            Stop-EmulatorProcess $emulator
        }
    }
}
