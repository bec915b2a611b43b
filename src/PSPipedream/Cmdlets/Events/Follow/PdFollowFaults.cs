using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Polls that failed after the connection's own retries, during live following. An outage
    /// starts with the first such failure and ends when every emitter that failed has answered
    /// again: one warning at its start, one verbose line at its end, never one per poll. Meanwhile
    /// each failing emitter is polled less often, its interval doubling up to <see cref="MaxBackoff"/>.
    /// </summary>
    internal sealed class PdFollowFaults
    {
        public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

        private readonly TimeSpan _interval;
        private readonly Dictionary<string, int> _failures = new Dictionary<string, int>(StringComparer.Ordinal);
        private DateTime _since;
        private int _failedPolls;

        /// <param name="interval">The normal time between two polls of an emitter.</param>
        public PdFollowFaults(TimeSpan interval)
        {
            _interval = interval;
        }

        public bool InOutage => _failures.Count > 0;

        /// <summary>
        /// A poll of <paramref name="emitterId"/> failed. Gives the warning to write when this
        /// starts an outage (else null), and in <paramref name="retryIn"/> how long until that
        /// emitter is polled again.
        /// </summary>
        public string? Failed(string emitterId, Exception error, DateTime utcNow, out TimeSpan retryIn)
        {
            var starts = _failures.Count == 0;
            _failures.TryGetValue(emitterId, out var failures);
            _failures[emitterId] = ++failures;
            _failedPolls++;
            retryIn = Backoff(failures);
            if (!starts) return null;
            _since = utcNow;
            return string.Format(CultureInfo.InvariantCulture,
                "Polling failed: {0} Still waiting: the polls go on, backing off up to {1} s apart, until the API answers again.",
                error.Message.TrimEnd(), (long)MaxBackoff.TotalSeconds);
        }

        /// <summary>A poll of <paramref name="emitterId"/> worked. Gives the verbose line to write when this ends an outage, else null.</summary>
        public string? Succeeded(string emitterId, DateTime utcNow)
        {
            if (!_failures.Remove(emitterId) || _failures.Count > 0) return null;
            var text = string.Format(CultureInfo.InvariantCulture,
                "Resumed: the API answers again, after {0} failed poll{1} over {2} s.",
                _failedPolls, _failedPolls == 1 ? "" : "s", Math.Max(0L, (long)Math.Round((utcNow - _since).TotalSeconds)));
            _failedPolls = 0;
            return text;
        }

        /// <summary>An emitter no longer followed (gone, or refused): its failures no longer keep the outage open.</summary>
        public void Forget(string emitterId)
        {
            if (_failures.Remove(emitterId) && _failures.Count == 0) _failedPolls = 0;
        }

        /// <summary>
        /// The wait before polling an emitter again after its <paramref name="failures"/>-th failure
        /// in a row: the normal interval, doubled with each failure after the first, up to
        /// <see cref="MaxBackoff"/> (or the interval itself when that is longer).
        /// </summary>
        public TimeSpan Backoff(int failures)
        {
            var cap = _interval > MaxBackoff ? _interval : MaxBackoff;
            var ticks = (double)_interval.Ticks * Math.Pow(2, Math.Min(Math.Max(failures, 1) - 1, 30));
            return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
        }
    }
}
