using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The emulators each runspace started. The one started last is the default of the emulator
    /// cmdlets; all of a runspace's emulators are killed when that runspace closes, and all of them
    /// when the process exits, so no emulator outlives the session that started it.
    /// </summary>
    internal static class PdEmulatorRegistry
    {
        private static readonly ConcurrentDictionary<Guid, List<PdEmulator>> Started = new ConcurrentDictionary<Guid, List<PdEmulator>>();
        private static readonly ConcurrentDictionary<Guid, bool> Watched = new ConcurrentDictionary<Guid, bool>();

        static PdEmulatorRegistry()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, __) => KillAll();
        }

        public static void Add(Runspace runspace, PdEmulator emulator)
        {
            var list = Started.GetOrAdd(runspace.InstanceId, _ => new List<PdEmulator>());
            lock (list) list.Add(emulator);
            if (Watched.TryAdd(runspace.InstanceId, true)) runspace.StateChanged += OnStateChanged;
        }

        /// <summary>The emulator this runspace started last and that still runs, or null.</summary>
        public static PdEmulator? Last(Runspace runspace)
        {
            if (!Started.TryGetValue(runspace.InstanceId, out var list)) return null;
            lock (list)
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i].Running) return list[i];
                }
            }
            return null;
        }

        public static void Remove(Runspace runspace, PdEmulator emulator)
        {
            if (!Started.TryGetValue(runspace.InstanceId, out var list)) return;
            lock (list) list.Remove(emulator);
        }

        private static void OnStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            var state = e.RunspaceStateInfo.State;
            if (state != RunspaceState.Closing && state != RunspaceState.Closed && state != RunspaceState.Broken) return;
            if (!(sender is Runspace runspace)) return;
            if (Started.TryRemove(runspace.InstanceId, out var list)) KillEach(list);
        }

        private static void KillAll()
        {
            foreach (var id in Started.Keys)
            {
                if (Started.TryRemove(id, out var list)) KillEach(list);
            }
        }

        private static void KillEach(List<PdEmulator> list)
        {
            PdEmulator[] copy;
            lock (list) copy = list.ToArray();
            foreach (var emulator in copy) emulator.Kill();
        }
    }
}
