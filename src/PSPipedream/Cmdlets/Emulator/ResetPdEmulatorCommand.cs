using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Puts the emulator back to its state just after start (POST /_emulator/reset).</summary>
    [Cmdlet(VerbsCommon.Reset, "PdEmulator", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ResetPdEmulatorCommand : PdEmulatorCmdlet
    {
        private protected override void ProcessPdRecord()
        {
            var control = Control;
            if (!ShouldProcess(control.RootUri.AbsoluteUri, "Reset the emulator")) return;
            control.Post("reset", null, CancellationToken);
        }
    }
}
