using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Starts the PSPipedream emulator (pd-emulator) on a loopback port and waits until it answers.
    /// Finding the tool is PdEmulatorTool's, starting and ending the process PdEmulatorLaunch's, and
    /// the wait PdEmulatorReadiness's.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PdEmulator")]
    [OutputType(typeof(PdEmulator))]
    public sealed class StartPdEmulatorCommand : PdCmdletBase
    {
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

        [Parameter(HelpMessage = "Keep the emulator's whole state in this file (JSON): loaded when it exists (its users then replace the default user and -UsersFile), created when it does not, and written within a moment of every change. A file that is not one of the emulator's is refused and left as it is.")]
        [ValidateNotNullOrEmpty]
        public string? DataFile { get; set; }

        [Parameter(HelpMessage = "Also connect to the emulator as its first user, as Connect-PdAccount does, making it the current connection until Stop-PdEmulator, which makes the connection it replaced current again (or leaves none).")]
        public SwitchParameter Connect { get; set; }

        [Parameter(HelpMessage = "The pd-emulator executable or PSPipedream.Emulator.dll to run. Default: pd-emulator from PATH, then from the .NET global tools folder.")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        private protected override void ProcessPdRecord()
        {
            var (fileName, prefix) = ResolveExecutable();
            if (Port != 0)
            {
                try { PdEmulatorLaunch.CheckPortFree(Port); }
                catch (PdApiException ex) { ThrowApiError(ex, Port); }
            }
            var givenKey = GivenKey();
            var usersFile = UsersFile == null ? null : GetUnresolvedProviderPathFromPSPath(UsersFile);
            var dataFile = DataFile == null ? null : GetUnresolvedProviderPathFromPSPath(DataFile);

            // Without -ApiKey or a users file the key is made here, so it is known without asking
            // the emulator, which shows keys only to a caller that has one.
            var startKey = givenKey ?? (usersFile == null ? PdEmulatorLaunch.NewApiKey() : null);
            var output = new PdEmulatorOutput();
            Process process = null!;
            try
            {
                process = PdEmulatorLaunch.Start(PdEmulatorLaunch.StartInfo(fileName, prefix, Port, usersFile, startKey, dataFile), output);
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, fileName);
            }

            // From here on, whatever goes wrong (Ctrl+C included) ends the process before the
            // error leaves: nothing else would stop an emulator nobody was handed.
            PdEmulator? emulator = null;
            try
            {
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                try
                {
                    emulator = new PdEmulatorReadiness(process, output).Wait(givenKey, startKey, usersFile != null, CancellationToken);
                }
                catch (PdApiException ex)
                {
                    ThrowApiError(ex, null);
                }
                PdEmulatorRegistry.Add(Runspace.DefaultRunspace, emulator!);
                WriteVerboseLine("PSPipedream emulator (process " + process.Id + ") listening at " + emulator!.BaseUri.AbsoluteUri);
                if (Connect) ConnectTo(emulator);
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

        /// <summary>-ApiKey as text, or null; an empty one or one with control characters stops the cmdlet.</summary>
        private string? GivenKey()
        {
            var key = ApiKey == null ? null : new NetworkCredential(string.Empty, ApiKey).Password.Trim();
            if (key != null && key.Length == 0) ThrowTerminatingError(PdErrors.Create(PdErrors.NoApiKey, "-ApiKey is empty.", null));
            if (key != null) Check(nameof(ApiKey), PdValidation.CheckApiKey(key), null, terminating: true);
            return key;
        }

        /// <summary>
        /// Makes the emulator's first user the current connection, checked as Connect-PdAccount
        /// checks it, until Stop-PdEmulator puts back the connection it replaced.
        /// </summary>
        private void ConnectTo(PdEmulator emulator)
        {
            try
            {
                var key = new NetworkCredential(string.Empty, emulator.ApiKey).Password;
                PdEmulatorRegistry.Connect(emulator, OpenVerified(key, emulator.BaseUri, null, "Emulator"));
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, emulator.BaseUri.AbsoluteUri);
            }
        }

        private static void End(Process process, PdEmulator? emulator)
        {
            PdEmulatorLaunch.Kill(process);
            if (emulator != null) PdEmulatorRegistry.Remove(Runspace.DefaultRunspace, emulator);
        }

        /// <summary>-Path (resolved as PowerShell paths are), else pd-emulator where a tool install puts it.</summary>
        private (string FileName, string? Prefix) ResolveExecutable()
        {
            try
            {
                return PdEmulatorTool.FindExecutable(Path == null ? null : GetUnresolvedProviderPathFromPSPath(Path));
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, Path ?? PdEmulatorTool.ToolName);
                return (string.Empty, null);
            }
        }
    }
}
