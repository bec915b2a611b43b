using System.Threading;

namespace PSPipedream.Connection
{
    /// <summary>
    /// The process-wide current connection. Static, so every runspace of the process (including
    /// ForEach-Object -Parallel) sees the one Connect-PdAccount set.
    /// </summary>
    internal static class PdSession
    {
        private static PdConnection? _current;

        public static PdConnection? Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }

        /// <summary>
        /// Sets <paramref name="connection"/> as current only if there is none yet; returns the winner.
        /// A losing connection (another runspace got there first) is disposed: nobody else holds it.
        /// </summary>
        public static PdConnection SetIfNone(PdConnection connection)
        {
            var winner = Interlocked.CompareExchange(ref _current, connection, null);
            if (winner == null) return connection;
            if (!ReferenceEquals(winner, connection)) connection.Client.Dispose();
            return winner;
        }

        /// <summary>Sets <paramref name="value"/> as current only while <paramref name="expected"/> still is; true when it did.</summary>
        public static bool TryReplace(PdConnection expected, PdConnection? value) =>
            ReferenceEquals(Interlocked.CompareExchange(ref _current, value, expected), expected);

        public static void Clear() => Current = null;
    }
}
