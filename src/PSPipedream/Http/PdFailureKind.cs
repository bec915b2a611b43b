namespace PSPipedream.Http
{
    /// <summary>What one attempt ended in, as far as retrying is concerned.</summary>
    internal enum PdFailureKind
    {
        /// <summary>An HTTP error status came back.</summary>
        Status,

        /// <summary>The connection could not be made (refused, host not found): nothing was sent.</summary>
        NotSent,

        /// <summary>The connection failed or was reset after the request may have been sent.</summary>
        Lost,

        /// <summary>No answer within the connection's timeout.</summary>
        TimedOut,

        /// <summary>A 2xx answer whose body is cut off or not JSON.</summary>
        InvalidBody,

        /// <summary>A 2xx answer whose body is larger than the connection reads: it would be as large again.</summary>
        TooLarge,
    }
}
