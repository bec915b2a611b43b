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

    /// <summary>-ThrottleLimit: how many items' requests a cmdlet may have in flight at once.</summary>
    internal static class PdThrottle
    {
        public const int Max = 32;

        public const string HelpMessage =
            "How many pipeline items' requests to have in flight at once, 1 to 32 (default 1, one after the other). Output still comes in input order; -WhatIf and -Confirm still ask first, item by item.";
    }
}
