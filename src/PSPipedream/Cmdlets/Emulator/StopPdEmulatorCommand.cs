using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PSPipedream.Cmdlets
{
    /// <summary>Stops an emulator that Start-PdEmulator started: the one given, else the last one of this session.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PdEmulator")]
    [OutputType(typeof(void))]
    public sealed class StopPdEmulatorCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "The emulator to stop (from Start-PdEmulator). Default: the one last started in this session.")]
        public PdEmulator? Emulator { get; set; }

        protected override void ProcessRecord()
        {
            var emulator = Emulator ?? PdEmulatorRegistry.Last(Runspace.DefaultRunspace);
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
            PdStreams.VerboseLine(this, "Stopping the emulator at " + emulator.BaseUri.AbsoluteUri + " (process " + emulator.ProcessId + ").");
            emulator.Kill();
            PdEmulatorRegistry.Remove(Runspace.DefaultRunspace, emulator);
        }
    }
}
