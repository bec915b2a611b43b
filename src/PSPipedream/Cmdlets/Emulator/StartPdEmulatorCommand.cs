using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Starts the PSPipedream emulator (pd-emulator) on a loopback port and waits until it answers.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PdEmulator")]
    [OutputType(typeof(PdEmulator))]
    public sealed class StartPdEmulatorCommand : PdCmdletBase
    {
        private const string ToolName = "pd-emulator";
        private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

        [Parameter(HelpMessage = "The loopback port to listen on; 0 (the default) picks a free one.")]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter(HelpMessage = "The API key of the emulator's default user: a SecureString or plain text. Default: a random key the emulator makes.")]
        [ValidateNotNull]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        [Parameter(HelpMessage = "A users file (JSON: users, keys, orgs, workflows) to load instead of the default user.")]
        [ValidateNotNullOrEmpty]
        public string? UsersFile { get; set; }

        [Parameter(HelpMessage = "Also connect to the emulator as its first user, as Connect-PdAccount does, making it the current connection.")]
        public SwitchParameter Connect { get; set; }

        [Parameter(HelpMessage = "The pd-emulator executable or PSPipedream.Emulator.dll to run. Default: pd-emulator from PATH, then from the .NET global tools folder.")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        protected override void ProcessPdRecord()
        {
            var (fileName, prefix) = ResolveExecutable();
            if (Port != 0) CheckPortFree(Port);

            var psi = new ProcessStartInfo(fileName)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            var args = new List<string>();
            if (prefix != null) args.Add(prefix);
            args.Add("--urls");
            args.Add("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture));
            // Its standard input is a pipe held by this process: when this process ends, however
            // it ends (even killed), the pipe closes and the emulator stops.
            args.Add("--exit-with-stdin");
            args.Add("true");
            string? plainKey = ApiKey == null ? null : new NetworkCredential(string.Empty, ApiKey).Password.Trim();
            if (plainKey != null)
            {
                if (plainKey.Length == 0) ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, "-ApiKey is empty.", null));
                args.Add("--api-key");
                args.Add(plainKey);
            }
            if (UsersFile != null)
            {
                args.Add("--users");
                args.Add(GetUnresolvedProviderPathFromPSPath(UsersFile));
            }
            psi.Arguments = string.Join(" ", args.ConvertAll(Quote));

            var baseUriFound = new ManualResetEventSlim(false);
            string? baseText = null;
            var stderr = new StringBuilder();
            var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null && baseText == null && e.Data.StartsWith("Base URI: ", StringComparison.Ordinal))
                {
                    baseText = e.Data.Substring("Base URI: ".Length).Trim();
                    baseUriFound.Set();
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data);
            };
            process.Exited += (_, __) => baseUriFound.Set();
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorStartFailed,
                    "Could not start '" + fileName + "': " + ex.Message, fileName, ex));
            }
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var emulator = WaitUntilReady(process, baseUriFound, () => baseText, stderr, plainKey);
            PdEmulatorRegistry.Add(Runspace.DefaultRunspace, emulator);
            WriteVerbose("PSPipedream emulator (process " + process.Id + ") listening at " + emulator.BaseUri.AbsoluteUri);

            if (Connect)
            {
                try
                {
                    var key = new NetworkCredential(string.Empty, emulator.ApiKey).Password;
                    PdSession.Current = PdConnector.Open(this, key, emulator.BaseUri, null, "Emulator");
                }
                catch (PdApiException ex)
                {
                    emulator.Kill();
                    ThrowApiError(ex, emulator.BaseUri.AbsoluteUri);
                }
            }
            WriteObject(emulator);
        }

        private PdEmulator WaitUntilReady(Process process, ManualResetEventSlim baseUriFound, Func<string?> baseText, StringBuilder stderr, string? plainKey)
        {
            var deadline = DateTime.UtcNow + ReadyTimeout;
            while (!baseUriFound.Wait(200, CancellationToken))
            {
                if (DateTime.UtcNow > deadline) Fail(process, stderr, "did not report its address within 30 seconds.");
            }
            if (baseText() == null || !Uri.TryCreate(baseText(), UriKind.Absolute, out var baseUri))
            {
                Fail(process, stderr, "exited before it was ready (exit code " + SafeExitCode(process) + ").");
                return null!;
            }
            var root = PdEmulatorControl.RootFor(baseUri);
            using var control = new PdEmulatorControl(root);
            JArray users;
            try
            {
                users = control.Get("users", CancellationToken) as JArray ?? new JArray();
            }
            catch (PdApiException ex)
            {
                Fail(process, stderr, "did not answer its control API: " + ex.Message);
                return null!;
            }
            var key = plainKey ?? (string?)users.First?["api_key"];
            if (key == null) Fail(process, stderr, "has no users.");
            using (var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) })
            {
                var me = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/users/me");
                while (true)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, me);
                        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
                        using var response = http.SendAsync(request, CancellationToken).GetAwaiter().GetResult();
                        if (response.IsSuccessStatusCode) break;
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (System.Threading.Tasks.TaskCanceledException) when (!CancellationToken.IsCancellationRequested)
                    {
                    }
                    if (process.HasExited) Fail(process, stderr, "exited before it was ready.");
                    if (DateTime.UtcNow > deadline) Fail(process, stderr, "did not answer GET /v1/users/me within 30 seconds.");
                    Thread.Sleep(100);
                }
            }
            var list = new List<PdEmulatorUser>();
            foreach (var u in users)
            {
                var k = (string?)u["api_key"];
                list.Add(new PdEmulatorUser
                {
                    Id = (string?)u["id"],
                    Username = (string?)u["username"],
                    Email = (string?)u["email"],
                    ApiKeyHint = k == null ? null : PdConnection.HintFor(k),
                });
            }
            var secure = new SecureString();
            foreach (var c in key!) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new PdEmulator(root, baseUri, secure, PdConnection.HintFor(key), process, list);
        }

        private void Fail(Process process, StringBuilder stderr, string what)
        {
            try { if (!process.HasExited) process.Kill(); process.WaitForExit(2000); } catch (InvalidOperationException) { }
            string err;
            lock (stderr) err = stderr.ToString().Trim();
            var message = "The emulator " + what + (err.Length > 0 ? " Its error output: " + err : string.Empty);
            ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorStartFailed, message, null));
        }

        private static string SafeExitCode(Process process)
        {
            try { return process.ExitCode.ToString(CultureInfo.InvariantCulture); }
            catch (InvalidOperationException) { return "?"; }
        }

        private void CheckPortFree(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
            }
            catch (SocketException)
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorPortInUse, string.Format(CultureInfo.InvariantCulture,
                    "Port {0} on 127.0.0.1 is already in use. Pick another -Port, or -Port 0 for a free one.", port), port));
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>-Path, else pd-emulator on PATH, else in the .NET global tools folder; a .dll runs under dotnet.</summary>
        private (string FileName, string? Prefix) ResolveExecutable()
        {
            if (Path != null)
            {
                var full = GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(full))
                {
                    ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorNotFound, "-Path '" + full + "' does not exist.", Path));
                }
                return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", full) : (full, null);
            }
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var names = windows ? new[] { ToolName + ".exe", ToolName } : new[] { ToolName };
            var folders = new List<string>();
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
            {
                if (dir.Trim().Length > 0) folders.Add(dir.Trim());
            }
            // dotnet tool install --global puts tools under DOTNET_CLI_HOME when it is set, else the home folder.
            foreach (var home in new[] { Environment.GetEnvironmentVariable("DOTNET_CLI_HOME"), Environment.GetEnvironmentVariable(windows ? "USERPROFILE" : "HOME") })
            {
                if (!string.IsNullOrEmpty(home)) folders.Add(System.IO.Path.Combine(home, ".dotnet", "tools"));
            }
            foreach (var folder in folders)
            {
                foreach (var name in names)
                {
                    string candidate;
                    try { candidate = System.IO.Path.Combine(folder, name); }
                    catch (ArgumentException) { continue; }
                    if (File.Exists(candidate)) return (candidate, null);
                }
            }
            ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorNotFound,
                "The PSPipedream emulator (pd-emulator) was not found on PATH or in the .NET global tools folder. " +
                "Install it with: dotnet tool install --global PSPipedream.Emulator (or pass -Path).", ToolName));
            return (string.Empty, null);
        }

        private static string Quote(string arg) =>
            arg.Length > 0 && arg.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? arg : "\"" + arg.Replace("\"", "\\\"") + "\"";
    }
}
