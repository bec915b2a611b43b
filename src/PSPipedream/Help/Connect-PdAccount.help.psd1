@{
    Synopsis    = 'Connects to the Pipedream API with an API key and makes that connection the current one.'
    Description = @'
Connect-PdAccount finds an API key, checks it at once with GET /users/me, and makes the
connection current for the whole PowerShell process, including the runspaces of
ForEach-Object -Parallel. Every other PSPipedream cmdlet then uses it unless you pass
-Connection. A later Connect-PdAccount replaces the current connection.

The API key is taken from the first of: -ApiKey (a SecureString, or plain text, which is
turned into one at once; white space around a pasted key is trimmed); $env:PIPEDREAM_API_KEY; the pd CLI's config file
($XDG_CONFIG_HOME/pipedream/config, else ~/.config/pipedream/config), key api_key in the
section [default] or in the section named by -ProfileName. An explicit -ProfileName is used
even when $env:PIPEDREAM_API_KEY is set; with -ApiKey, -ProfileName only supplies the
profile's org_id.

The API root is -BaseUri, else $env:PIPEDREAM_BASE_URL, else https://api.pipedream.com/v1.
An http:// root is refused (ErrorId PdInsecureBaseUri) unless its host is loopback
(localhost, 127.0.0.0/8, ::1), because the key would cross the network in clear. A root
holding a user name or password (http://user:password@host/v1) is refused with
PdInvalidArgument before any request, and the message does not repeat them. The default
org, used to list and create sources and subscriptions, is -OrgId, else
$env:PIPEDREAM_ORG_ID, else the profile's org_id.

Requests go through the system proxy ($env:HTTPS_PROXY, $env:HTTP_PROXY and $env:NO_PROXY;
on Windows, the system's proxy settings), except those to loopback addresses, which the
system proxy never carries. -Proxy names a proxy for every request, loopback included (as
with Invoke-RestMethod -Proxy); -ProxyCredential or -ProxyUseDefaultCredentials sign in to
it (or, without -Proxy, to the system proxy); -NoProxy sends every request straight to its
host. The connection's Proxy property is the proxy used for its base URI (scheme, host and
port only), or empty. A -Proxy holding a user name or password is refused: give them with
-ProxyCredential. A failure that may lie with the proxy (no answer, a 407, a 502 or 504)
names it.

All failures here are terminating, so a script stops at the connection instead of failing
later: PdNoApiKey (no key found, or an empty -ApiKey), PdProfileNotFound (the -ProfileName
section or the config file does not exist), PdInvalidArgument (an -OrgId that does not start
with o_, a base URI that is not http or https or that holds a user name or password, or
proxy parameters that do not go together), PdUnauthorized (the API rejected the key),
PdProxyAuthenticationRequired (the proxy wants credentials, or refused those of
-ProxyCredential), PdConnectionFailed or PdTimeout (the API or the proxy could not be
reached).

-MaxRetries, -MaxRetryWaitSeconds and -TimeoutSeconds say how the connection deals with a
slow or failing API (see about_PSPipedream, RETRIES): how often a failed request is sent
again (default 3), how long one request may wait between its attempts in all (default 60 s;
a server asking for a longer Retry-After gets an error at once), and how long each attempt
may take (default 60 s). The same settings are properties of the connection object, and a
value out of range is refused when it is set.

Plain text is handy at the prompt and against the emulator, but a key typed into a script
or the command line stays in the history and the script. The better habit is a SecureString
(Read-Host -AsSecureString, or a secret store) or $env:PIPEDREAM_API_KEY set by the job
that runs the script.

By default the cmdlet writes nothing; -Verbose says as whom you are connected and where the
key came from. With -PassThru it writes the connection (PSPipedream.PdConnection), which
every API cmdlet takes as -Connection, so one script can work with several accounts. The
key itself never appears in output, -Verbose, -Debug, errors or the connection object; only
its last four characters are shown, as ApiKeyHint.
'@
    Examples    = @(
        @{
            Code    = "Connect-PdAccount -ApiKey (Read-Host -AsSecureString 'Pipedream API key')"
            Remarks = 'Prompts for the API key without echoing it, checks it with GET /users/me and makes the connection current. Nothing is written to the pipeline.'
        }
        @{
            Code    = 'Connect-PdAccount -ProfileName work -OrgId o_abc123 -Verbose'
            Remarks = 'Reads the API key from the [work] section of the pd CLI config file and makes o_abc123 the default org, so Get-PdSource and Get-PdSubscription list that org''s resources. -Verbose shows the user name, the base URI and "key from Profile:work".'
        }
        @{
            Code    = @'
$work = Connect-PdAccount -ProfileName work -PassThru
$personal = Connect-PdAccount -ProfileName default -PassThru
Get-PdSource -Connection $work -All | Where-Object { -not $_.Active }
Get-PdWebhook -Connection $personal -All
'@
            Remarks = 'Keeps two PSPipedream.PdConnection objects and passes them to -Connection. The first command lists every inactive source of the work account; the second lists every webhook of the personal one. The current connection is the last one made (default).'
        }
        @{
            Code    = @'
Connect-PdAccount -MaxRetries 6 -MaxRetryWaitSeconds 600 -TimeoutSeconds 30
(Get-PdContext).MaxRetries
'@
            Remarks = 'For a nightly job against a busy account: each failed request is sent up to 6 more times, waiting up to 10 minutes in all, and each attempt may take 30 seconds. The second line reads the setting back (6).'
        }
        @{
            Code    = @'
$env:PIPEDREAM_BASE_URL = 'http://127.0.0.1:45001/v1'
Connect-PdAccount -ApiKey (Read-Host -AsSecureString 'Emulator key')
'@
            Remarks = 'Points the module at a local PSPipedream emulator. http:// is accepted here only because the host is loopback; an http:// URI to any other host fails with PdInsecureBaseUri.'
        }
        @{
            Code    = @'
$proxyLogin = Get-Credential -Message 'Proxy sign-in'
Connect-PdAccount -Proxy http://proxy.example.com:3128 -ProxyCredential $proxyLogin
(Get-PdContext).Proxy
'@
            Remarks = 'Sends every request through the company proxy, signing in with the user name and password asked for. The last line shows the proxy in use (http://proxy.example.com:3128/). A wrong password ends in PdProxyAuthenticationRequired.'
        }
        @{
            Code    = 'Connect-PdAccount -NoProxy -Verbose'
            Remarks = 'Ignores $env:HTTPS_PROXY and the system proxy for this connection: every request goes straight to the API.'
        }
    )
    Notes       = 'Without Connect-PdAccount, the first API cmdlet connects on its own from $env:PIPEDREAM_API_KEY (with $env:PIPEDREAM_BASE_URL and $env:PIPEDREAM_ORG_ID), which suits CI jobs. On Windows PowerShell 5.1 the module adds TLS 1.2 to [Net.ServicePointManager]::SecurityProtocol.'
    Links       = @('about_PSPipedream', 'Disconnect-PdAccount', 'Get-PdContext', 'Get-PdUser', 'Get-PdOrg')
}
