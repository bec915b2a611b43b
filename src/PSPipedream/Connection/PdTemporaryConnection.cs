using System;
using System.Collections.Generic;

namespace PSPipedream.Connection
{
    /// <summary>
    /// A connection made current for a while (Start-PdEmulator -Connect) that remembers the one it
    /// replaced, so that ending it puts that one back, or leaves none when there was none: a test
    /// must leave the console as it found it, never pointing at a port where nothing listens.
    /// The open ones form chains (A replaced by B replaced by C); ending one out of order hands
    /// what it replaced to the one that replaced it, so every order of ends comes back to A.
    /// </summary>
    internal sealed class PdTemporaryConnection
    {
        private static readonly object Gate = new object();
        private static readonly List<PdTemporaryConnection> Open = new List<PdTemporaryConnection>();

        private PdTemporaryConnection(PdConnection connection, PdConnection? replaced)
        {
            Connection = connection;
            Replaced = replaced;
        }

        public PdConnection Connection { get; }

        /// <summary>The connection that was current before this one, or null when there was none.</summary>
        public PdConnection? Replaced { get; private set; }

        public static PdTemporaryConnection MakeCurrent(PdConnection connection)
        {
            lock (Gate)
            {
                var made = new PdTemporaryConnection(connection, PdSession.Current);
                PdSession.Current = connection;
                Open.Add(made);
                return made;
            }
        }

        /// <summary>
        /// Puts back what this one replaced, if it is still current, or if the current one was
        /// made since to the same server (a script under test that runs Connect-PdAccount against
        /// the emulator): either would point at a port where nothing listens once the emulator
        /// is gone. A connection made since to another server stays. Ending it twice does nothing
        /// the second time.
        /// </summary>
        public PdHandBack End()
        {
            lock (Gate)
            {
                if (!Open.Remove(this)) return PdHandBack.AlreadyEnded;
                foreach (var other in Open)
                {
                    if (ReferenceEquals(other.Replaced, Connection)) other.Replaced = Replaced;
                }
                var current = PdSession.Current;
                // Another emulator's connection (say one started since on the same port) is its to hand back.
                if (current != null && Open.Exists(o => ReferenceEquals(o.Connection, current))) return PdHandBack.NotCurrent;
                if (current == null || !SameServer(current, Connection) || !PdSession.TryReplace(current, Replaced)) return PdHandBack.NotCurrent;
                return Replaced == null ? PdHandBack.Cleared : PdHandBack.Restored;
            }
        }

        private static bool SameServer(PdConnection a, PdConnection b) =>
            ReferenceEquals(a, b) ||
            string.Equals(a.BaseUri.GetLeftPart(UriPartial.Authority), b.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What ending a <see cref="PdTemporaryConnection"/> did to the current connection.</summary>
    internal enum PdHandBack
    {
        /// <summary>The connection it replaced is current again.</summary>
        Restored,

        /// <summary>There was none before it, and there is none now.</summary>
        Cleared,

        /// <summary>A connection to another server was made current since (or none is); it stays.</summary>
        NotCurrent,

        AlreadyEnded,
    }
}
