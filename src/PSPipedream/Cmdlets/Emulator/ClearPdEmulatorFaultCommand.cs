using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Removes every injected fault (DELETE /_emulator/faults).</summary>
    [Cmdlet(VerbsCommon.Clear, "PdEmulatorFault", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ClearPdEmulatorFaultCommand : PdEmulatorCmdlet
    {
        private protected override void ProcessPdRecord()
        {
            var control = Control;
            if (!ShouldProcess(control.RootUri.AbsoluteUri, "Remove every fault")) return;
            control.Delete("faults", CancellationToken);
        }
    }
}
