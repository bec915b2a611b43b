namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// -ThrottleLimit: how many items' requests a cmdlet may have in flight at once. Declared by
    /// PdFanOutCmdlet and by PdEventListCmdlet: no one base can give it to exactly the cmdlets
    /// that fan out, since the event lists need PdListCmdlet's paging parameters, which the other
    /// fan-out cmdlets must not get, and the lists that do not fan out must not get -ThrottleLimit.
    /// </summary>
    internal static class PdThrottle
    {
        public const int Max = 32;

        public const string HelpMessage =
            "How many pipeline items' requests to have in flight at once, 1 to 32 (default 1, one after the other). Output still comes in input order; -WhatIf and -Confirm still ask first, item by item.";
    }
}
