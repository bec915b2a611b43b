# Helpers for Invoke-Demo.ps1: a loopback HTTP listener that records webhook deliveries, and
# the sample data the demo seeds through the module and the emulator's control API.

# Starts a minimal HTTP server on 127.0.0.1 (a free port) in a background runspace. Each request
# is answered 200 and recorded in .Received: Method, Path, EmitterId, EventId and Body (parsed JSON).
# A TcpListener rather than HttpListener: it binds port 0 itself and needs no URL reservation on Windows.
function Start-DemoListener {
    $tcp = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $tcp.Start()
    $received = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
    $server = {
        param($Tcp, $Received)
        while ($true) {
            try { $client = $Tcp.AcceptTcpClient() } catch { break }  # Stop() ends the wait
            try {
                $client.ReceiveTimeout = 5000
                $stream = $client.GetStream()
                $data = [System.IO.MemoryStream]::new()
                $buffer = [byte[]]::new(8192)
                $headerEnd = -1
                $length = 0
                while ($headerEnd -lt 0 -or $data.Length -lt $headerEnd + 4 + $length) {
                    $n = $stream.Read($buffer, 0, $buffer.Length)
                    if ($n -le 0) { break }
                    $data.Write($buffer, 0, $n)
                    if ($headerEnd -lt 0) {
                        # Latin-1 maps each byte to one character, so string offsets are byte offsets.
                        $text = [System.Text.Encoding]::Latin1.GetString($data.GetBuffer(), 0, [int] $data.Length)
                        $headerEnd = $text.IndexOf("`r`n`r`n")
                        if ($headerEnd -ge 0 -and $text.Substring(0, $headerEnd) -match '(?im)^Content-Length:\s*(\d+)') { $length = [int] $Matches[1] }
                    }
                }
                if ($headerEnd -lt 0) { continue }
                $lines = [System.Text.Encoding]::Latin1.GetString($data.GetBuffer(), 0, $headerEnd) -split "`r`n"
                $method, $path, $null = $lines[0] -split ' '
                $headers = @{}
                foreach ($line in $lines | Select-Object -Skip 1) {
                    $name, $value = $line -split ':\s*', 2
                    $headers[$name] = $value
                }
                $body = [System.Text.Encoding]::UTF8.GetString($data.GetBuffer(), $headerEnd + 4, [math]::Min($length, [int] $data.Length - $headerEnd - 4))
                $answer = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 200 OK`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
                $stream.Write($answer, 0, $answer.Length)
                $Received.Enqueue([pscustomobject]@{
                    Method    = $method
                    Path      = $path
                    EmitterId = $headers['X-PD-Emitter-Id']
                    EventId   = $headers['X-PD-Event-Id']
                    Body      = if ($body) { $body | ConvertFrom-Json } else { $null }
                })
            }
            catch { }  # a broken connection only loses that request
            finally { $client.Dispose() }
        }
    }
    $powershell = [powershell]::Create()
    $null = $powershell.AddScript($server.ToString()).AddArgument($tcp).AddArgument($received)
    [pscustomobject]@{
        Url        = "http://127.0.0.1:$($tcp.LocalEndpoint.Port)/pipedream/errors"
        Received   = $received
        Tcp        = $tcp
        PowerShell = $powershell
        Handle     = $powershell.BeginInvoke()
    }
}

function Stop-DemoListener($Listener) {
    $Listener.Tcp.Stop()
    $null = $Listener.Handle.AsyncWaitHandle.WaitOne(5000)
    $Listener.PowerShell.Dispose()
}

function Invoke-DemoControl([uri] $ControlUri, [string] $Path, [object] $Body) {
    # The emulator takes control POSTs only as JSON, so a POST without parameters sends {}.
    $params = @{ Method = 'Post'; Uri = [uri]::new($ControlUri, "_emulator/$Path"); TimeoutSec = 30; ContentType = 'application/json'; Body = '{}' }
    if ($null -ne $Body) { $params.Body = ConvertTo-Json -InputObject $Body -Depth 20 -Compress }
    try { $answer = Invoke-RestMethod @params }
    catch {
        $detail = if ($_.ErrorDetails) { $_.ErrorDetails.Message } else { $_.Exception.Message }
        throw "POST /_emulator/$Path failed: $detail"
    }
    if ($null -ne $answer -and $answer.PSObject.Properties['data']) { $answer.data }
}

function Send-DemoEvent([uri] $ControlUri, [string] $EmitterId, [object] $Event, [int] $Count = 1, [string] $Name = '', [Nullable[datetime]] $At) {
    $body = @{ emitter_id = $EmitterId; event = $Event; count = $Count; name = $Name }
    # A backdated event: its id and time are from $At, as if the source had emitted it back then.
    if ($At) { $body.timestamp = $At.ToUniversalTime().ToString('o') }
    $null = Invoke-DemoControl $ControlUri 'emit' $body
}

# An item of an RSS feed, as the RSS component emits it.
function New-DemoFeedItem([string] $Feed, [string] $Title, [int] $Number, [string] $Content = '') {
    $item = [ordered]@{
        title   = $Title
        link    = "https://$Feed/posts/$Number"
        guid    = "https://$Feed/posts/$Number"
        pubDate = [DateTime]::UtcNow.AddHours(-$Number).ToString('r')
    }
    if ($Content) { $item.content = $Content }
    $item
}

# An event of a workflow's $errors stream: the event the run was given, its context and the error.
function New-DemoWorkflowError([string] $WorkflowId, [string] $OwnerId, [object] $OriginalEvent, [string] $Code, [string] $Message, [string] $Step) {
    $now = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
    [ordered]@{
        original_event   = $OriginalEvent
        original_context = [ordered]@{
            id = [guid]::NewGuid().ToString('N').Substring(0, 27); ts = $now; workflow_id = $WorkflowId
            deployment_id = 'd_demo01'; owner_id = $OwnerId; source_type = 'COMPONENT'
        }
        error            = [ordered]@{
            code = $Code; message = $Message; cellId = $Step; ts = $now
            stack = "Error: $Message`n    at Object.run (/steps/$Step.mjs:12:31)`n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"
        }
    }
}

# Fills a freshly started emulator: a few dozen sources of several components, events before and
# after a cutoff (one over 1 KB), two workflows with emits and errors, subscriptions, and a webhook
# to WebhookUrl that receives one workflow's errors. Returns what the examples need, and a summary.
function Initialize-DemoData([uri] $ControlUri, [string] $WebhookUrl) {
    $null = Invoke-DemoControl $ControlUri 'reset'
    $ownerId = (Get-PdContext).UserId

    # Sources: HTTP ones in bulk through the control API, the rest through the module.
    $null = Invoke-DemoControl $ControlUri 'seed' @{ count = 20; name_prefix = 'http-intake-' }
    $feeds = [ordered]@{
        'rss-status-page'         = 'status.example.com'
        'rss-company-blog'        = 'blog.example.com'
        'rss-product-changelog'   = 'changelog.example.com'
        'rss-security-advisories' = 'security.example.com'
        'rss-release-notes'       = 'releases.example.com'
        'rss-industry-news'       = 'news.example.org'
    }
    foreach ($name in $feeds.Keys) {
        $null = New-PdSource -ComponentKey rss-new-item-in-feed -Name $name -Props @{ url = "https://$($feeds[$name])/feed.xml"; timer = @{ intervalSeconds = 900 } }
    }
    $podcastCode = @'
module.exports = {
  key: "rss-podcast-episodes",
  name: "New podcast episode",
  version: "0.1.0",
  props: { url: { type: "string", label: "Podcast feed URL" } },
  async run() {},
};
'@
    $podcast = New-PdComponent -Code $podcastCode
    $null = New-PdSource -ComponentId $podcast.Id -Name 'rss-podcast-episodes' -Props @{ url = 'https://podcast.example.com/episodes.rss' }
    $null = New-PdSource -ComponentKey schedule-every-interval -Name 'timer-hourly-report' -Props @{ timer = @{ intervalSeconds = 3600 } }
    $null = New-PdSource -ComponentKey schedule-every-interval -Name 'timer-nightly-cleanup' -Props @{ timer = @{ cron = '0 3 * * *' } }
    $null = New-PdSource -ComponentKey schedule-every-interval -Name 'timer-heartbeat' -Props @{ timer = @{ intervalSeconds = 60 } }
    foreach ($org in 'acme', 'acme-labs') {
        $null = New-PdSource -ComponentKey github-new-repository -Name "github-new-repos-$org" -Props @{ github = @{ authProvisionId = 'apn_demo01' }; timer = @{ intervalSeconds = 900 } }
    }
    $sources = @{}
    foreach ($source in Get-PdSource -All) { $sources[$source.Name] = $source.Id }

    # Workflows with fixed ids, a webhook, and the subscriptions that connect them.
    $orderWorkflow = (Invoke-DemoControl $ControlUri 'workflows' @{ id = 'p_order_sync' }).id
    $feedWorkflow = (Invoke-DemoControl $ControlUri 'workflows' @{ id = 'p_feed_digest' }).id
    $hook = New-PdWebhook -Url $WebhookUrl -Name 'ops-alerts' -Description 'Order sync errors for the on-call channel'
    $null = New-PdSubscription -EmitterId $orderWorkflow -ListenerId $hook.Id -EventName '$errors'
    $null = New-PdSubscription -EmitterId $sources['rss-status-page'] -ListenerId $feedWorkflow
    $null = New-PdSubscription -EmitterId $sources['timer-hourly-report'] -ListenerId $orderWorkflow
    $null = New-PdSubscription -EmitterId $sources['http-intake-1'] -ListenerId $orderWorkflow

    # Events from before the cutoff (the ones Remove-PdOldEvent deletes)...
    $titles = 'Scheduled maintenance', 'Release 4.2', 'Quarterly update'
    foreach ($name in $feeds.Keys | Where-Object { $_ -ne 'rss-industry-news' }) {
        for ($i = 0; $i -lt $titles.Count; $i++) {
            Send-DemoEvent $ControlUri $sources[$name] (New-DemoFeedItem $feeds[$name] "$($titles[$i]) ($name)" ($i + 10))
        }
    }
    for ($n = 1; $n -le 12; $n++) {
        $order = [ordered]@{ method = 'POST'; path = '/orders'; body = @{ order_id = "ord_$(1000 + $n)"; total = 19.5 * $n; currency = 'EUR' } }
        Send-DemoEvent $ControlUri $sources["http-intake-$n"] $order -Count (1 + $n % 4)
    }
    # The idle case: the nightly cleanup last ran 45 days ago, so Disable-PdIdleSource -Days 30 turns it off.
    $lastRun = [DateTime]::UtcNow.AddDays(-45)
    Send-DemoEvent $ControlUri $sources['timer-nightly-cleanup'] @{ timestamp = ([DateTimeOffset] $lastRun).ToUnixTimeSeconds() } -At $lastRun
    Send-DemoEvent $ControlUri $sources['timer-hourly-report'] @{ timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() } -Count 6
    Send-DemoEvent $ControlUri $sources['timer-heartbeat'] @{ timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() } -Count 20
    Send-DemoEvent $ControlUri $orderWorkflow @{ synced = 3; erp = 'ok' } -Count 3
    Send-DemoEvent $ControlUri $feedWorkflow @{ digest = 'daily'; items = 14 } -Count 2
    Start-Sleep -Milliseconds 20
    $cutoff = [DateTime]::UtcNow
    Start-Sleep -Milliseconds 20

    # ... and after it, one of them over 1 KB.
    $article = 'We rebuilt our release pipeline this quarter. ' * 40
    Send-DemoEvent $ControlUri $sources['rss-company-blog'] (New-DemoFeedItem 'blog.example.com' 'How we ship twice a day' 1 $article)
    Send-DemoEvent $ControlUri $sources['rss-status-page'] (New-DemoFeedItem 'status.example.com' 'Degraded API latency (resolved)' 1)
    Send-DemoEvent $ControlUri $sources['rss-security-advisories'] (New-DemoFeedItem 'security.example.com' 'Advisory 2026-07: TLS library update' 1)
    for ($n = 1; $n -le 4; $n++) {
        Send-DemoEvent $ControlUri $sources["http-intake-$n"] ([ordered]@{ method = 'POST'; path = '/orders'; body = @{ order_id = "ord_$(2000 + $n)"; total = 42 } })
    }
    Send-DemoEvent $ControlUri $sources['timer-heartbeat'] @{ timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() } -Count 5
    Send-DemoEvent $ControlUri $sources['timer-hourly-report'] @{ timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
    Send-DemoEvent $ControlUri $feedWorkflow @{ digest = 'daily'; items = 9 }

    # Workflow errors; those of the order workflow also go to the webhook.
    $errors = @(
        @{ Workflow = $orderWorkflow; Event = @{ order_id = 'ord_1042'; total = 129.9 }; Code = 'ECONNRESET'; Message = 'socket hang up'; Step = 'c_post_to_erp' }
        @{ Workflow = $orderWorkflow; Event = @{ order_id = 'ord_1043'; total = 12 }; Code = 'ETIMEDOUT'; Message = 'connect ETIMEDOUT 10.0.4.17:443'; Step = 'c_post_to_erp' }
        @{ Workflow = $orderWorkflow; Event = @{ order_id = 'ord_1044' }; Code = 'TypeError'; Message = "Cannot read properties of undefined (reading 'total')"; Step = 'c_compute_tax' }
        @{ Workflow = $feedWorkflow; Event = @{ title = 'Release 4.2' }; Code = 'SlackApiError'; Message = 'An API error occurred: ratelimited'; Step = 'c_post_to_slack' }
    )
    foreach ($e in $errors) {
        Send-DemoEvent $ControlUri $e.Workflow (New-DemoWorkflowError $e.Workflow $ownerId $e.Event $e.Code $e.Message $e.Step) -Name '$errors'
    }

    $eventCounts = @(Get-PdSource -All | ForEach-Object { [long] (Get-PdEvent -SourceId $_.Id -IncludeTotalCount -First 0 | Select-Object -First 1) })
    $eventCount = [long] ($eventCounts | Measure-Object -Sum).Sum
    $silent = @($eventCounts | Where-Object { $_ -eq 0 }).Count
    [pscustomobject]@{
        OrderWorkflowId    = $orderWorkflow
        FeedWorkflowId     = $feedWorkflow
        Cutoff             = $cutoff
        LargeEventSource   = 'rss-company-blog'
        LargeEventSourceId = $sources['rss-company-blog']
        Summary            = @(
            [pscustomobject]@{ Item = 'Sources'; Count = $sources.Count; Detail = '20 http-intake-* (seed call), 7 RSS (6 registry, 1 own component), 3 timers, 2 GitHub' }
            [pscustomobject]@{ Item = 'Source events'; Count = $eventCount; Detail = "before and after $($cutoff.ToString('u')); one over 1 KB; timer-nightly-cleanup's newest is 45 days old; $silent sources have none" }
            [pscustomobject]@{ Item = 'Workflows'; Count = 2; Detail = "$orderWorkflow, $feedWorkflow (6 emits, 4 errors)" }
            [pscustomobject]@{ Item = 'Subscriptions'; Count = @(Get-PdSubscription -All).Count; Detail = "$orderWorkflow `$errors -> webhook; 3 sources -> workflows" }
            [pscustomobject]@{ Item = 'Webhooks'; Count = 1; Detail = "$($hook.Id) ops-alerts -> $WebhookUrl" }
        )
    }
}

# What a backup holds, in one line: the counts of its arrays.
function Show-DemoBackup([string] $Path) {
    $document = Get-Content -Raw -LiteralPath $Path | ConvertFrom-Json
    'sources: {0}, subscriptions: {1}, webhooks: {2}, components: {3}' -f @($document.sources).Count, @($document.subscriptions).Count,
        @($document.webhooks).Count, @($document.components).Count
}

# Text broken into lines of at most $Width characters at spaces, for a table column that
# Format-Table -Wrap would otherwise cut in the middle of a word.
function Split-DemoText([string] $Text, [int] $Width) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split ' ') {
        if ($line -and ($line.Length + 1 + $word.Length) -gt $Width) { $lines.Add($line); $line = $word }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $lines.Add($line) }
    $lines -join "`n"
}

# The width the demo lays its output out in: the console's, so nothing wraps into blank lines; when
# the output goes to a file or a pipe, $env:COLUMNS, else 80.
function Get-DemoWidth {
    $width = 0
    if (-not [Console]::IsOutputRedirected) {
        try { $width = $Host.UI.RawUI.WindowSize.Width } catch { $width = 0 }
    }
    if ($width -le 0 -and [int]::TryParse("$env:COLUMNS", [ref] $width) -and $width -gt 0) { return $width }
    if ($width -le 0) { $width = 80 }
    $width
}

# Format-Table with the columns given, less those that are empty in every row: a column of blanks
# says nothing and takes the room the others need at 80 columns. Times are written as the module's
# views write them, UTC (2026-12-01 20:18:23Z), whatever the session's culture.
function Format-DemoTable {
    param(
        [Parameter(ValueFromPipeline)] $InputObject,
        [Parameter(Mandatory, Position = 0)] [object[]] $Property,
        [switch] $AutoSize,
        [switch] $Wrap
    )
    begin { $rows = [System.Collections.Generic.List[object]]::new() }
    process { $rows.Add($InputObject) }
    end {
        if ($rows.Count -eq 0) { return }
        $kept = @($Property | Where-Object {
                $column = $_
                @($rows | Select-Object -Property $column | ForEach-Object { @($_.PSObject.Properties)[0].Value } | Where-Object { "$_".Trim() }).Count -gt 0
            })
        $columns = foreach ($column in $kept) {
            if ($column -isnot [string]) { $column; continue }
            $name = [string] $column
            @{ Name = $name; Expression = { $value = $_.$name; if ($value -is [datetime]) { [PSPipedream.PdFormat]::Time($value) } else { $value } }.GetNewClosure() }
        }
        $rows | Format-Table -Property $columns -AutoSize:$AutoSize -Wrap:$Wrap
    }
}
