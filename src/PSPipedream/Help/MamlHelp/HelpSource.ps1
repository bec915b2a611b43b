# The author's side of a cmdlet's help: its <Verb-Noun>.help.psd1 source (synopsis, description,
# examples, notes, links) and how its text becomes paragraphs. Dot-sourced by New-MamlHelp.ps1.

# Text -> paragraphs: blank lines separate paragraphs; within one, wrapped lines are joined,
# but a line that starts a list item or is indented keeps its own line.
function Split-Paragraph([string] $Text) {
    if ([string]::IsNullOrWhiteSpace($Text)) { return @() }
    $blocks = ($Text.Trim() -replace "`r`n", "`n") -split "\n[ \t]*\n"
    foreach ($block in $blocks) {
        $out = [System.Text.StringBuilder]::new()
        foreach ($line in $block -split "`n") {
            if ($out.Length -eq 0) { $null = $out.Append($line.TrimEnd()); continue }
            if ($line -match '^\s*([-*]|\d+\.)\s' -or $line -match '^\s{2,}') { $null = $out.Append("`n").Append($line.TrimEnd()) }
            else { $null = $out.Append(' ').Append($line.Trim()) }
        }
        $para = $out.ToString().Trim()
        if ($para) { $para }
    }
}

# Every help source in $SourcePath, by cmdlet name; one that cannot be read is there as $null, so
# that its cmdlet is not also reported as having none.
function Read-HelpSource([string] $SourcePath, [hashtable] $Known) {
    $sources = @{}
    foreach ($file in @(Get-ChildItem -Path $SourcePath -Filter '*.help.psd1' -File)) {
        $cmdName = $file.Name -replace '\.help\.psd1$', ''
        if (-not $Known.ContainsKey($cmdName)) { Add-Warning "$($file.Name): no exported cmdlet $cmdName." ; continue }
        try { $sources[$cmdName] = Import-PowerShellDataFile -Path $file.FullName }
        catch {
            Add-Warning "$($file.Name): cannot be read: $($_.Exception.Message)"
            $sources[$cmdName] = $null
        }
    }
    return $sources
}

# One cmdlet's source with every key the writer reads, empty where the author gave nothing; what
# is missing or unknown is a warning.
function Get-CommandHelpSource([hashtable] $Sources, [string] $Name) {
    $source = $Sources[$Name]
    if (-not $source) {
        if (-not $Sources.ContainsKey($Name)) { Add-Warning "$($Name): no help source $($Name).help.psd1; its help has only the metadata." }
        $source = @{}
    }
    else {
        foreach ($key in 'Synopsis', 'Description') {
            if ([string]::IsNullOrWhiteSpace([string] $source[$key])) { Add-Warning "$($Name): the help source has no $key." }
        }
        if (-not @($source['Examples']).Where({ $_ }).Count) { Add-Warning "$($Name): the help source has no example." }
        $unknownKeys = @($source.Keys | Where-Object { $_ -notin 'Synopsis', 'Description', 'Examples', 'Notes', 'Links' })
        if ($unknownKeys) { Add-Warning "$($Name): the help source has unknown keys: $($unknownKeys -join ', ')." }
    }
    return @{
        Synopsis    = [string] $source['Synopsis']
        Description = [string] $source['Description']
        Examples    = @($source['Examples'])
        Notes       = (@($source['Notes']) | Where-Object { $_ }) -join "`n`n"
        Links       = @($source['Links'])
    }
}
