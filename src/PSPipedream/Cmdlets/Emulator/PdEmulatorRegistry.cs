using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The emulators each runspace started. The one started last is the default of the emulator
    /// cmdlets; all of a runspace's emulators are killed when that runspace closes, and all of them
    /// when the process exits, so no emulator outlives the session that started it. An emulator
    /// started with -Connect keeps its temporary connection here; removing or killing it ends that
    /// connection, which puts back the one it replaced.
    /// </summary>
    internal static class PdEmulatorRegistry
    {
        private static readonly ConcurrentDictionary<Guid, List<PdEmulator>> Started = new ConcurrentDictionary<Guid, List<PdEmulator>>();
        private static readonly ConcurrentDictionary<Guid, bool> Watched = new ConcurrentDictionary<Guid, bool>();
        private static readonly ConcurrentDictionary<PdEmulator, PdTemporaryConnection> Connections =
            new ConcurrentDictionary<PdEmulator, PdTemporaryConnection>();

        static PdEmulatorRegistry()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, __) => StopAll();
        }

        public static void Add(Runspace runspace, PdEmulator emulator)
        {
            var list = Started.GetOrAdd(runspace.InstanceId, _ => new List<PdEmulator>());
            lock (list) list.Add(emulator);
            if (Watched.TryAdd(runspace.InstanceId, true)) runspace.StateChanged += OnStateChanged;
        }

        /// <summary>Makes <paramref name="connection"/> current for as long as <paramref name="emulator"/> is registered.</summary>
        public static void Connect(PdEmulator emulator, PdConnection connection) =>
            Connections[emulator] = PdTemporaryConnection.MakeCurrent(connection);

        /// <summary>The emulator this runspace started last and that still runs, or null.</summary>
        public static PdEmulator? Last(Runspace runspace) => Last(runspace, runningOnly: true);

        /// <summary>
        /// The emulator this runspace started last and has not removed, even one that exited on its
        /// own: stopping it still puts back the connection it replaced.
        /// </summary>
        public static PdEmulator? LastStarted(Runspace runspace) => Last(runspace, runningOnly: false);

        private static PdEmulator? Last(Runspace runspace, bool runningOnly)
        {
            if (!Started.TryGetValue(runspace.InstanceId, out var list)) return null;
            lock (list)
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (!runningOnly || list[i].Running) return list[i];
                }
            }
            return null;
        }

        /// <summary>True when an emulator started in this process still runs at the authority of <paramref name="baseUri"/>.</summary>
        public static bool IsRunningAt(Uri baseUri)
        {
            var authority = baseUri.GetLeftPart(UriPartial.Authority);
            foreach (var list in Started.Values)
            {
                lock (list)
                {
                    foreach (var emulator in list)
                    {
                        if (emulator.Running && string.Equals(emulator.BaseUri.GetLeftPart(UriPartial.Authority), authority, StringComparison.OrdinalIgnoreCase)) return true;
                    }
                }
            }
            return false;
        }

        /// <summary>
        /// Forgets the emulator and ends its temporary connection, if it has one; returns that
        /// connection and what ending it did, or null.
        /// </summary>
        public static (PdTemporaryConnection Connection, PdHandBack Outcome)? Remove(Runspace runspace, PdEmulator emulator)
        {
            if (Started.TryGetValue(runspace.InstanceId, out var list))
            {
                lock (list) list.Remove(emulator);
            }
            return Disconnect(emulator);
        }

        private static (PdTemporaryConnection Connection, PdHandBack Outcome)? Disconnect(PdEmulator emulator)
        {
            if (!Connections.TryRemove(emulator, out var connection)) return null;
            return (connection, connection.End());
        }

        private static void OnStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            var state = e.RunspaceStateInfo.State;
            if (state != RunspaceState.Closing && state != RunspaceState.Closed && state != RunspaceState.Broken) return;
            if (!(sender is Runspace runspace)) return;
            if (Started.TryRemove(runspace.InstanceId, out var list)) StopEach(list);
        }

        private static void StopAll()
        {
            foreach (var id in Started.Keys)
            {
                if (Started.TryRemove(id, out var list)) StopEach(list);
            }
        }

        private static void StopEach(List<PdEmulator> list)
        {
            PdEmulator[] copy;
            lock (list) copy = list.ToArray();
            // Last started first, so that nested -Connect starts hand their connections back in order.
            for (var i = copy.Length - 1; i >= 0; i--)
            {
                copy[i].Stop();
                Disconnect(copy[i]);
            }
        }
    }
}
