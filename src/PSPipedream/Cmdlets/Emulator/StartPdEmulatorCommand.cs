using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using Newtonsoft.Json.Linq;
using PSPipedream.Connection;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>Starts the PSPipedream emulator (pd-emulator) on a loopback port and waits until it answers.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PdEmulator")]
    [OutputType(typeof(PdEmulator))]
    public sealed class StartPdEmulatorCommand : PdCmdletBase
    {
        private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
        // The emulator prints its users right after its address.
        private static readonly TimeSpan UserLineWait = TimeSpan.FromSeconds(2);

        [Parameter(HelpMessage = "The loopback port to listen on; 0 (the default) picks a free one.")]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter(HelpMessage = "The API key of the emulator's default user: a SecureString or plain text, handed to the emulator in its environment (PD_EMULATOR_API_KEY), never on its command line. Default: a random key.")]
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
            if (Port != 0)
            {
                try { PdEmulatorLaunch.CheckPortFree(Port); }
                catch (PdApiException ex) { ThrowApiError(ex, Port); }
            }
            string? givenKey = ApiKey == null ? null : new NetworkCredential(string.Empty, ApiKey).Password.Trim();
            if (givenKey != null && givenKey.Length == 0) ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, "-ApiKey is empty.", null));
            if (givenKey != null && givenKey.Any(char.IsControl))
            {
                ThrowTerminatingError(PdErrors.InvalidArgumentRecord(nameof(ApiKey), "An API key holds no control characters.", null));
            }
            var usersFile = UsersFile == null ? null : GetUnresolvedProviderPathFromPSPath(UsersFile);

            // Without -ApiKey or a users file the key is made here, so it is known without asking
            // the emulator, which shows keys only to a caller that has one.
            var startKey = givenKey ?? (usersFile == null ? PdEmulatorLaunch.NewApiKey() : null);
            var psi = PdEmulatorLaunch.StartInfo(fileName, prefix, Port, usersFile, startKey);

            var output = new PdEmulatorOutput();
            var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => output.Line(e.Data);
            process.ErrorDataReceived += (_, e) => output.ErrorLine(e.Data);
            process.Exited += (_, __) => output.Exited();
            try
            {
                process.Start();
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
                ThrowTerminatingError(PdErrors.Create(PdErrors.EmulatorStartFailed,
                    "Could not start '" + fileName + "': " + ex.Message, fileName, ex));
            }

            // From here on, whatever goes wrong (Ctrl+C included) ends the process before the
            // error leaves: nothing else would stop an emulator nobody was handed.
            PdEmulator? emulator = null;
            try
            {
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                emulator = WaitUntilReady(process, output, givenKey, startKey);
                PdEmulatorRegistry.Add(Runspace.DefaultRunspace, emulator);
                WriteVerboseLine("PSPipedream emulator (process " + process.Id + ") listening at " + emulator.BaseUri.AbsoluteUri);
                if (Connect)
                {
                    try
                    {
                        var key = new NetworkCredential(string.Empty, emulator.ApiKey).Password;
                        PdSession.Current = PdConnector.Open(this, key, emulator.BaseUri, null, "Emulator");
                    }
                    catch (PdApiException ex)
                    {
                        ThrowApiError(ex, emulator.BaseUri.AbsoluteUri);
                    }
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                End(process, emulator);
                throw new PipelineStoppedException();
            }
            catch
            {
                End(process, emulator);
                throw;
            }
            WriteObject(emulator);
        }

        private static void End(Process process, PdEmulator? emulator)
        {
            PdEmulatorLaunch.Kill(process);
            if (emulator != null) PdEmulatorRegistry.Remove(Runspace.DefaultRunspace, emulator);
        }

        private PdEmulator WaitUntilReady(Process process, PdEmulatorOutput output, string? givenKey, string? startKey)
        {
            var deadline = DateTime.UtcNow + ReadyTimeout;
            while (!output.BaseUriFound.Wait(200, CancellationToken))
            {
                if (DateTime.UtcNow > deadline) Fail(process, output, "did not report its address within 30 seconds.");
            }
            var baseText = output.BaseText;
            if (baseText == null || !Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri))
            {
                Fail(process, output, baseText == null
                    ? "exited before it was ready (exit code " + PdEmulatorLaunch.ExitCode(process) + ")."
                    : "reported a base URI that is not one: '" + PdText.Quote(baseText) + "'.");
                return null!;
            }
            Uri root = null!;
            try
            {
                root = PdEmulatorControl.RootFor(baseUri);
            }
            catch (PdApiException ex)
            {
                Fail(process, output, "reported its address as '" + PdText.Quote(baseText) + "'. " + ex.Message, ex.ErrorId);
            }

            // The key the first user really has: -ApiKey, else the one the emulator printed for it
            // (an emulator that does not read the key from the environment makes its own), else the
            // one made here.
            var key = givenKey;
            if (key == null)
            {
                output.FirstUserFound.Wait(UserLineWait, CancellationToken);
                key = output.FirstUserKey ?? startKey;
            }
            using var control = new PdEmulatorControl(root) { ApiKey = key };
            List<(string? Id, string? Username, string? Email, string? ApiKey)> users = null!;
            try
            {
                users = control.Get("users", ReadUsers, CancellationToken);
            }
            catch (PdApiException ex)
            {
                Fail(process, output, "did not answer its control API: " + ex.Message);
            }
            key ??= users.Count > 0 ? users[0].ApiKey : null;
            if (key == null) Fail(process, output, "did not tell its first user's API key: pass the key of one of the users file's users with -ApiKey.");

            var me = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/users/me");
            while (true)
            {
                var status = control.TryStatus(me, key!, CancellationToken);
                if (status >= 200 && status <= 299) break;
                if (status == 401)
                {
                    Fail(process, output, "refused the API key (GET /v1/users/me -> 401)." + (givenKey == null ? string.Empty
                        : UsersFile != null ? " With -UsersFile, -ApiKey must be the key of one of the file's users."
                        : " An emulator older than this module does not read -ApiKey from " + PdEmulatorLaunch.ApiKeyVariable + "."));
                }
                if (process.HasExited) Fail(process, output, "exited before it was ready (exit code " + PdEmulatorLaunch.ExitCode(process) + ").");
                if (DateTime.UtcNow > deadline) Fail(process, output, "did not answer GET /v1/users/me within 30 seconds.");
                if (CancellationToken.WaitHandle.WaitOne(100)) throw new PipelineStoppedException();
            }
            var list = users.Select(u => new PdEmulatorUser
            {
                Id = u.Id,
                Username = u.Username,
                Email = u.Email,
                ApiKeyHint = u.ApiKey == null ? null : PdConnection.HintFor(u.ApiKey),
            }).ToList();
            var secure = new SecureString();
            foreach (var c in key!) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new PdEmulator(root, baseUri, secure, PdConnection.HintFor(key!), process, list);
        }

        private static List<(string? Id, string? Username, string? Email, string? ApiKey)> ReadUsers(JToken? answer) =>
            PdEmulatorControl.ExpectArray(answer).Select(PdEmulatorControl.ExpectObject)
                .Select(u => ((string?)u["id"], (string?)u["username"], (string?)u["email"], (string?)u["api_key"]))
                .ToList();

        private void Fail(Process process, PdEmulatorOutput output, string what, string errorId = PdErrors.EmulatorStartFailed)
        {
            PdEmulatorLaunch.Kill(process);
            var err = output.ErrorText();
            var message = "The emulator " + what + (err.Length > 0 ? " Its error output: " + err : string.Empty);
            ThrowTerminatingError(PdErrors.Create(errorId, message, null));
        }

        /// <summary>-Path (resolved as PowerShell paths are), else pd-emulator where a tool install puts it.</summary>
        private (string FileName, string? Prefix) ResolveExecutable()
        {
            try
            {
                return PdEmulatorLaunch.FindExecutable(Path == null ? null : GetUnresolvedProviderPathFromPSPath(Path));
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, Path ?? PdEmulatorLaunch.ToolName);
                return (string.Empty, null);
            }
        }
    }
}
