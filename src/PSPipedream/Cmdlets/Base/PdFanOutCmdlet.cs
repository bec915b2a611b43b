using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Base of the cmdlets that send a request per pipeline item: adds -ThrottleLimit (see <see cref="PdCmdlet.Dispatch{T}"/>).</summary>
    public abstract class PdFanOutCmdlet : PdCmdlet
    {
        [Parameter(HelpMessage = PdThrottle.HelpMessage)]
        [ValidateRange(1, PdThrottle.Max)]
        public int ThrottleLimit { get; set; } = 1;

        private protected override int ThrottleLimitValue => ThrottleLimit;
    }
}
