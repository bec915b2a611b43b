using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSPipedream.Http
{
    /// <summary>
    /// The per-connection pause after a 429 with Retry-After: every request on the connection
    /// (from any runspace) waits until it opens, so parallel workers do not hammer a throttled API.
    /// </summary>
    internal sealed class PdRetryGate
    {
        private long _opensAtTicks;

        /// <summary>Keeps the gate closed for at least <paramref name="wait"/> from now.</summary>
        public void CloseFor(TimeSpan wait)
        {
            var until = DateTime.UtcNow.Ticks + wait.Ticks;
            while (true)
            {
                var current = Interlocked.Read(ref _opensAtTicks);
                if (current >= until) return;
                if (Interlocked.CompareExchange(ref _opensAtTicks, until, current) == current) return;
            }
        }

        /// <summary>How long until the gate opens (zero when open).</summary>
        public TimeSpan Remaining
        {
            get
            {
                var left = Interlocked.Read(ref _opensAtTicks) - DateTime.UtcNow.Ticks;
                return left > 0 ? TimeSpan.FromTicks(left) : TimeSpan.Zero;
            }
        }

        /// <summary>Waits until the gate is open; returns how long that took.</summary>
        public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
        {
            var waited = TimeSpan.Zero;
            TimeSpan left;
            while ((left = Remaining) > TimeSpan.Zero)
            {
                await Task.Delay(left, cancellationToken).ConfigureAwait(false);
                waited += left;
            }
            return waited;
        }
    }
}
