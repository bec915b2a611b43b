using System.Management.Automation;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>Forgets the current connection. Connection objects kept from -PassThru keep working.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PdAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPdAccountCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = PdSession.Current;
            PdSession.Clear();
            if (current != null) PdStreams.VerboseLine(this, "Disconnected " + current + ".");
        }
    }
}
