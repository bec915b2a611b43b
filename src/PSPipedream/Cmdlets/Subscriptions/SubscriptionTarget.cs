namespace PSPipedream.Cmdlets
{
    /// <summary>How the subscription cmdlets name a subscription in What-if, Confirm and error targets.</summary>
    internal static class SubscriptionTarget
    {
        /// <summary>"dc_x -> p_y (event default)": the error target of a subscription.</summary>
        internal static string Describe(string emitterId, string listenerId, string? eventName) =>
            emitterId + " -> " + listenerId + (string.IsNullOrEmpty(eventName) ? " (no event name)" : " (event " + eventName + ")");

        /// <summary>
        /// The What-if and Confirm target: as <see cref="Describe(string, string, string?)"/>, with the
        /// name of the emitter or listener that was piped in, e.g. "dc_x (seed-1) -> p_y (event default)".
        /// </summary>
        internal static string Describe(string emitterId, string listenerId, string? eventName, object? piped) =>
            Describe(PdPipedObject.Named(emitterId, piped), PdPipedObject.Named(listenerId, piped), eventName);
    }
}
