using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSPipedream.Connection;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that drive the emulator's control API: -Emulator, else the emulator
    /// this session started last, else the current connection's host when it is on loopback.
    /// Any other host is refused before a request is made.
    /// </summary>
    public abstract class PdEmulatorCmdlet : PdCmdletBase
    {
        private PdEmulatorControl? _control;

        [Parameter(HelpMessage = "The emulator to talk to: an object from Start-PdEmulator, or its root URI (http://127.0.0.1:<port>/). Default: the one last started in this session, else the current connection's loopback host.")]
        [ValidateNotNull]
        [PdEmulatorTransformation]
        public PdEmulator? Emulator { get; set; }

        [Parameter(HelpMessage = "Time allowed for the control request, answer included, 1 to 3600 seconds. Default: 10. An emulator that does not answer in time gives PdTimeout.")]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = (int)PdEmulatorControl.DefaultTimeout.TotalSeconds;

        private protected override object? ErrorTarget => _control?.RootUri.AbsoluteUri;

        /// <summary>The control client for the emulator this call is about (made once per call).</summary>
        private protected PdEmulatorControl Control
        {
            get
            {
                if (_control != null) return _control;
                try
                {
                    _control = new PdEmulatorControl(ResolveRoot(), TimeSpan.FromSeconds(TimeoutSeconds));
                }
                catch (PdApiException ex)
                {
                    ThrowApiError(ex, null);
                }
                return _control!;
            }
        }

        private Uri ResolveRoot()
        {
            if (Emulator != null) return Emulator.RootUri;
            var last = PdEmulatorRegistry.Last(Runspace.DefaultRunspace);
            if (last != null) return last.RootUri;
            var current = PdSession.Current;
            if (current != null) return PdEmulatorControl.RootFor(current.BaseUri);
            throw new PdApiException(PdErrors.EmulatorNotStarted,
                "No emulator to talk to: run Start-PdEmulator, pass -Emulator, or connect to an emulator on loopback with Connect-PdAccount.");
        }

        private protected override void OnDisposing()
        {
            _control?.Dispose();
            _control = null;
        }
    }
}
