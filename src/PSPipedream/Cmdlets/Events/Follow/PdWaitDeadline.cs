using System;
using System.Threading;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// -Timeout of a wait: when the time is up it cancels what the command has in flight (a poll
    /// in the middle of its retries included), so the wait ends on time and not after the poll.
    /// </summary>
    internal sealed class PdWaitDeadline : IDisposable
    {
        private readonly Timer _timer;
        private volatile bool _passed;

        private PdWaitDeadline(TimeSpan after, Action cancel)
        {
            _timer = new Timer(_ =>
            {
                _passed = true;
                cancel();
            }, null, after, Timeout.InfiniteTimeSpan);
        }

        /// <summary>A deadline <paramref name="seconds"/> from now that calls <paramref name="cancel"/>; null (no deadline) when not given.</summary>
        public static PdWaitDeadline? Start(int? seconds, Action cancel) =>
            seconds is int s ? new PdWaitDeadline(TimeSpan.FromSeconds(s), cancel) : null;

        /// <summary>True once the time is up.</summary>
        public bool Passed => _passed;

        public void Dispose() => _timer.Dispose();
    }
}
