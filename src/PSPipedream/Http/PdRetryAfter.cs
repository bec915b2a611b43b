using System;
using System.Net.Http;

namespace PSPipedream.Http
{
    /// <summary>
    /// The wait an answer asks for in its Retry-After header, as seconds or as a date; a date
    /// already past is no wait. The retry policy decides what to make of it.
    /// </summary>
    internal static class PdRetryAfter
    {
        /// <summary>The wait asked for, or null when the answer asks for none (or says it in a form .NET does not read).</summary>
        internal static TimeSpan? Read(HttpResponseMessage response)
        {
            var retry = response.Headers.RetryAfter;
            if (retry == null) return null;
            if (retry.Delta.HasValue) return retry.Delta.Value;
            if (retry.Date.HasValue)
            {
                var delta = retry.Date.Value - DateTimeOffset.UtcNow;
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            return null;
        }
    }
}
