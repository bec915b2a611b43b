using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Empties the emulator's request log (DELETE /_emulator/requests).</summary>
    [Cmdlet(VerbsCommon.Clear, "PdEmulatorRequest", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ClearPdEmulatorRequestCommand : PdEmulatorCmdlet
    {
        private protected override void ProcessPdRecord()
        {
            var control = Control;
            if (!ShouldProcess(control.RootUri.AbsoluteUri, "Clear the emulator's request log")) return;
            control.Delete("requests", CancellationToken);
        }
    }
}
