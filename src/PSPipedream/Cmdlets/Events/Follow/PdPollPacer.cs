using System;
using System.Runtime.CompilerServices;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Spaces the polls of live following on one connection at least <see cref="Spacing"/> apart
    /// (about 5 requests a second), however many sources are followed and however many waits share
    /// the connection: with many sources the time between two polls of one source stretches
    /// instead. One per connection, shared by every -Wait in the session that uses it.
    /// </summary>
    internal sealed class PdPollPacer
    {
        public const int RequestsPerSecond = 5;

        public static readonly TimeSpan Spacing = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / RequestsPerSecond);

        private static readonly ConditionalWeakTable<object, PdPollPacer> ByConnection = new ConditionalWeakTable<object, PdPollPacer>();

        private readonly object _gate = new object();
        private long _nextTicks;

        /// <summary>The pacer of a connection (keyed by its client, which lives as long as the connection).</summary>
        public static PdPollPacer For(object connection) => ByConnection.GetValue(connection, _ => new PdPollPacer());

        /// <summary>
        /// Books the next free slot for a poll: how long to wait from <paramref name="utcNow"/>
        /// before sending it (zero when it may go now).
        /// </summary>
        public TimeSpan Reserve(DateTime utcNow)
        {
            lock (_gate)
            {
                var slot = Math.Max(utcNow.Ticks, _nextTicks);
                _nextTicks = slot + Spacing.Ticks;
                return TimeSpan.FromTicks(slot - utcNow.Ticks);
            }
        }

        /// <summary>
        /// Lets no poll on this connection go before <paramref name="span"/> from <paramref name="utcNow"/>:
        /// a rate limit (429) is the key's, not one source's, so every followed source waits it out.
        /// </summary>
        public void HoldFor(DateTime utcNow, TimeSpan span)
        {
            lock (_gate)
            {
                _nextTicks = Math.Max(_nextTicks, utcNow.Ticks + span.Ticks);
            }
        }

        /// <summary>The shortest time in which <paramref name="emitters"/> can each be polled once.</summary>
        public static TimeSpan RoundTime(int emitters) => TimeSpan.FromTicks(Spacing.Ticks * Math.Max(0, emitters));
    }
}
