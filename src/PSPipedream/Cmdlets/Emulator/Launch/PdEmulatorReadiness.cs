using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Waits until a started emulator is ready: it printed its address, its control API lists its
    /// users, and GET /v1/users/me answers 2xx to the first user's key. Every request goes through
    /// the control client (loopback only, no proxy, no redirects, its own timeout). A failure ends
    /// the process and is thrown as PdApiException (PdEmulatorStartFailed unless said otherwise),
    /// its message ending with what the emulator wrote to its error output.
    /// </summary>
    internal sealed class PdEmulatorReadiness
    {
        private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

        // The emulator prints its users right after its address.
        private static readonly TimeSpan UserLineWait = TimeSpan.FromSeconds(2);

        private readonly Process _process;
        private readonly PdEmulatorOutput _output;

        public PdEmulatorReadiness(Process process, PdEmulatorOutput output)
        {
            _process = process;
            _output = output;
        }

        /// <param name="givenKey">-ApiKey, else null.</param>
        /// <param name="startKey">The key handed to the emulator in its environment, else null.</param>
        /// <param name="withUsersFile">True when the emulator loads a users file (for the advice after a 401).</param>
        /// <param name="cancellation">Ctrl+C: an OperationCanceledException or PipelineStoppedException.</param>
        public PdEmulator Wait(string? givenKey, string? startKey, bool withUsersFile, CancellationToken cancellation)
        {
            var deadline = DateTime.UtcNow + ReadyTimeout;
            while (!_output.BaseUriFound.Wait(200, cancellation))
            {
                if (DateTime.UtcNow > deadline) throw Fail("did not report its address within 30 seconds.");
            }
            var baseText = _output.BaseText;
            if (baseText == null || !Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri))
            {
                throw Fail(baseText == null
                    ? "exited before it was ready (exit code " + PdEmulatorLaunch.ExitCode(_process) + ")."
                    : "reported a base URI that is not one: '" + PdText.Quote(baseText) + "'.");
            }
            Uri root;
            try
            {
                root = PdEmulatorControl.RootFor(baseUri);
            }
            catch (PdApiException ex)
            {
                throw Fail("reported its address as '" + PdText.Quote(baseText) + "'. " + ex.Message, ex.ErrorId);
            }

            // The key the first user really has: -ApiKey, else the one the emulator printed for it
            // (an emulator that does not read the key from the environment makes its own), else the
            // one made here.
            var key = givenKey;
            if (key == null)
            {
                _output.FirstUserFound.Wait(UserLineWait, cancellation);
                key = _output.FirstUserKey ?? startKey;
            }
            using var control = new PdEmulatorControl(root) { ApiKey = key };
            List<PdEmulatorAccount> accounts;
            try
            {
                accounts = control.Get("users", PdEmulatorAccount.ReadAll, cancellation);
            }
            catch (PdApiException ex)
            {
                throw Fail("did not answer its control API: " + ex.Message);
            }
            key ??= accounts.Count > 0 ? accounts[0].ApiKey : null;
            if (key == null) throw Fail("did not tell its first user's API key: pass the key of one of the users file's users with -ApiKey.");

            var me = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/users/me");
            while (true)
            {
                var status = control.TryStatus(me, key, cancellation);
                if (status >= 200 && status <= 299) break;
                if (status == 401)
                {
                    throw Fail("refused the API key (GET /v1/users/me -> 401)." + (givenKey == null ? string.Empty
                        : withUsersFile ? " With -UsersFile, -ApiKey must be the key of one of the file's users."
                        : " An emulator older than this module does not read -ApiKey from " + PdEmulatorLaunch.ApiKeyVariable + "."));
                }
                if (_process.HasExited) throw Fail("exited before it was ready (exit code " + PdEmulatorLaunch.ExitCode(_process) + ").");
                if (DateTime.UtcNow > deadline) throw Fail("did not answer GET /v1/users/me within 30 seconds.");
                if (cancellation.WaitHandle.WaitOne(100)) throw new PipelineStoppedException();
            }
            var secure = new SecureString();
            foreach (var c in key) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new PdEmulator(root, baseUri, secure, PdConnection.HintFor(key), _process, accounts.Select(a => a.User).ToList());
        }

        /// <summary>Ends the process (so its error output is all there), then says what went wrong.</summary>
        private PdApiException Fail(string what, string errorId = PdErrors.EmulatorStartFailed)
        {
            PdEmulatorLaunch.Kill(_process);
            var err = _output.ErrorText();
            return new PdApiException(errorId, "The emulator " + what + (err.Length > 0 ? " Its error output: " + err : string.Empty));
        }
    }
}
