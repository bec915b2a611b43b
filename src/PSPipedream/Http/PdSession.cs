using System;
using System.Threading;

namespace PSPipedream.Http
{
    /// <summary>
    /// The process-wide current connection. Static, so every runspace of the process (including
    /// ForEach-Object -Parallel) sees the one Connect-PdAccount set.
    /// </summary>
    public static class PdSession
    {
        private static PdConnection? _current;

        public static PdConnection? Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }

        /// <summary>Sets <paramref name="connection"/> as current only if there is none yet; returns the winner.</summary>
        public static PdConnection SetIfNone(PdConnection connection) =>
            Interlocked.CompareExchange(ref _current, connection, null) ?? connection;

        public static void Clear() => Current = null;
    }
}
