using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Stops an emulator that Start-PdEmulator started: the one given, else the last one of this
    /// session. When it was started with -Connect, the connection it replaced is current again.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "PdEmulator")]
    [OutputType(typeof(void))]
    public sealed class StopPdEmulatorCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "The emulator to stop (from Start-PdEmulator). Default: the one last started in this session and not stopped yet, even one that has exited on its own, so that its connection is handed back.")]
        public PdEmulator? Emulator { get; set; }

        protected override void ProcessRecord()
        {
            var emulator = Emulator ?? PdEmulatorRegistry.LastStarted(Runspace.DefaultRunspace);
            if (emulator == null)
            {
                PdStreams.VerboseLine(this, "No running emulator started in this session; nothing to stop.");
                return;
            }
            if (emulator.ProcessId == null)
            {
                PdStreams.VerboseLine(this, "The emulator at " + emulator.RootUri + " was not started by Start-PdEmulator; it is left running.");
                return;
            }
            PdStreams.VerboseLine(this, emulator.Running
                ? "Stopping the emulator at " + emulator.BaseUri.AbsoluteUri + " (process " + emulator.ProcessId + ")."
                : "The emulator at " + emulator.BaseUri.AbsoluteUri + " (process " + emulator.ProcessId + ") had already exited.");
            emulator.Stop();
            var handBack = PdEmulatorRegistry.Remove(Runspace.DefaultRunspace, emulator);
            if (handBack != null) PdStreams.VerboseLine(this, Describe(handBack.Value.Connection, handBack.Value.Outcome));
            WarnIfStillPointing(emulator);
        }

        /// <summary>
        /// A connection made by hand to the emulator (not by -Connect, which hands back) would now
        /// fail each command after its retries: say so once, here, rather than leave it silent.
        /// </summary>
        private void WarnIfStillPointing(PdEmulator emulator)
        {
            var current = PdSession.Current;
            if (current == null || !string.Equals(current.BaseUri.GetLeftPart(UriPartial.Authority),
                    emulator.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)) return;
            if (PdEmulatorRegistry.IsRunningAt(emulator.BaseUri)) return;
            WriteWarning("The current connection still points at the emulator just stopped (" + current.BaseUri.AbsoluteUri +
                "). Connect-PdAccount elsewhere, or Disconnect-PdAccount; Start-PdEmulator -Connect hands back the connection it replaced.");
        }

        private static string Describe(PdTemporaryConnection connection, PdHandBack outcome)
        {
            switch (outcome)
            {
                case PdHandBack.Restored:
                    return "Restored the connection Start-PdEmulator -Connect replaced: " + connection.Replaced + ".";
                case PdHandBack.Cleared:
                    return "No connection was current before Start-PdEmulator -Connect, so none is now; connect with Connect-PdAccount.";
                case PdHandBack.NotCurrent:
                    var current = PdSession.Current;
                    return current == null
                        ? "No connection is current (Disconnect-PdAccount since Start-PdEmulator -Connect); none is made."
                        : "The current connection, " + current + ", was made after Start-PdEmulator -Connect; it stays.";
                default:
                    return "The emulator's connection was already handed back.";
            }
        }
    }
}
