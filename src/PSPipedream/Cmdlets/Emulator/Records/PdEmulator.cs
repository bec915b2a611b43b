using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security;

namespace PSPipedream
{
    /// <summary>A running PSPipedream emulator: the one Start-PdEmulator started, or one given by its root URI.</summary>
    public sealed class PdEmulator
    {
        internal PdEmulator(Uri rootUri, Uri baseUri, SecureString? apiKey, string? apiKeyHint, Process? process, IReadOnlyList<PdEmulatorUser> users)
        {
            RootUri = rootUri;
            BaseUri = baseUri;
            ApiKey = apiKey;
            ApiKeyHint = apiKeyHint;
            Process = process;
            ProcessId = process?.Id;
            Users = users;
        }

        /// <summary>
        /// An emulator someone else started, known only by its root (control) URI. The host is
        /// checked when a control request is about to be made, not here.
        /// </summary>
        internal static PdEmulator FromRoot(Uri rootUri)
        {
            var root = new Uri(rootUri.GetLeftPart(UriPartial.Authority) + "/");
            return new PdEmulator(root, new Uri(root, "v1"), null, null, null, Array.Empty<PdEmulatorUser>());
        }

        /// <summary>The API root, e.g. http://127.0.0.1:41873/v1 (what Connect-PdAccount -BaseUri takes).</summary>
        public Uri BaseUri { get; }

        /// <summary>The root of the control API, e.g. http://127.0.0.1:41873/.</summary>
        public Uri RootUri { get; }

        /// <summary>The first user's API key.</summary>
        public SecureString? ApiKey { get; }

        public string? ApiKeyHint { get; }

        public int? ProcessId { get; }

        public IReadOnlyList<PdEmulatorUser> Users { get; }

        internal Process? Process { get; }

        /// <summary>True while the process this session started is running (false for one given by URI).</summary>
        public bool Running
        {
            get
            {
                try { return Process != null && !Process.HasExited; }
                catch (InvalidOperationException) { return false; }
            }
        }

        /// <summary>
        /// Stops the process if it still runs (it is asked to stop on its own first, so that a data
        /// file gets its last write); an emulator that already exited is fine.
        /// </summary>
        internal void Stop()
        {
            if (Process != null) Cmdlets.PdEmulatorLaunch.Stop(Process);
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "PSPipedream emulator at {0}", BaseUri.AbsoluteUri);
    }
}
