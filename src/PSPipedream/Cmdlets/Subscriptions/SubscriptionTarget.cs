namespace PSPipedream.Cmdlets
{
    /// <summary>How the subscription cmdlets name a subscription in What-if, Confirm and error targets.</summary>
    internal static class SubscriptionTarget
    {
        /// <summary>"dc_x -> p_y (event default)": the ShouldProcess target of a subscription.</summary>
        internal static string Describe(string emitterId, string listenerId, string? eventName) =>
            emitterId + " -> " + listenerId + (string.IsNullOrEmpty(eventName) ? " (no event name)" : " (event " + eventName + ")");
    }
}
