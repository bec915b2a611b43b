using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>How Start-PdEmulator finds, starts and ends the emulator's process.</summary>
    internal static class PdEmulatorLaunch
    {
        public const string ToolName = "pd-emulator";

        /// <summary>Where the emulator reads its default user's key: the environment, unlike the command line, is not readable by other local users.</summary>
        public const string ApiKeyVariable = "PD_EMULATOR_API_KEY";

        /// <summary>
        /// The emulator's process, not yet started: on 127.0.0.1:<paramref name="port"/>, with the
        /// users file when given, and <paramref name="apiKey"/> in the environment (or, when null,
        /// no key there at all, whatever this process has).
        /// </summary>
        public static ProcessStartInfo StartInfo(string fileName, string? prefix, int port, string? usersFile, string? apiKey)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            var args = new List<string>();
            if (prefix != null) args.Add(prefix);
            args.Add("--urls");
            args.Add("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
            // Its standard input is a pipe held by this process: when this process ends, however
            // it ends (even killed), the pipe closes and the emulator stops.
            args.Add("--exit-with-stdin");
            args.Add("true");
            if (usersFile != null)
            {
                args.Add("--users");
                args.Add(usersFile);
            }
            PdProcessArguments.Set(startInfo, args);
            if (apiKey != null) startInfo.Environment[ApiKeyVariable] = apiKey;
            else startInfo.Environment.Remove(ApiKeyVariable);
            return startInfo;
        }

        /// <summary>32 letters and digits from a cryptographic source, like the keys the emulator makes.</summary>
        public static string NewApiKey()
        {
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            var key = new StringBuilder(32);
            var buffer = new byte[64];
            using var random = RandomNumberGenerator.Create();
            while (key.Length < 32)
            {
                random.GetBytes(buffer);
                // 252 is the largest multiple of 36 below 256: every character equally likely.
                foreach (var b in buffer)
                {
                    if (b < 252 && key.Length < 32) key.Append(alphabet[b % alphabet.Length]);
                }
            }
            return key.ToString();
        }

        /// <summary>Ends the process if it still runs and waits a little for it to go.</summary>
        public static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }
            catch (Win32Exception)
            {
            }
        }

        public static string ExitCode(Process process)
        {
            try { return process.ExitCode.ToString(CultureInfo.InvariantCulture); }
            catch (InvalidOperationException) { return "?"; }
        }

        /// <summary>Throws PdEmulatorPortInUse when something listens on 127.0.0.1:<paramref name="port"/>.</summary>
        public static void CheckPortFree(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
            }
            catch (SocketException)
            {
                throw new PdApiException(PdErrors.EmulatorPortInUse, string.Format(CultureInfo.InvariantCulture,
                    "Port {0} on 127.0.0.1 is already in use. Pick another -Port, or -Port 0 for a free one.", port));
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>The file given (a .dll runs under dotnet), else pd-emulator on PATH, else in the .NET global tools folder.</summary>
        public static (string FileName, string? Prefix) FindExecutable(string? givenPath)
        {
            if (givenPath != null)
            {
                if (!File.Exists(givenPath)) throw new PdApiException(PdErrors.EmulatorNotFound, "-Path '" + givenPath + "' does not exist.");
                return givenPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", givenPath) : (givenPath, null);
            }
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var names = windows ? new[] { ToolName + ".exe", ToolName } : new[] { ToolName };
            var folders = new List<string>();
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (dir.Trim().Length > 0) folders.Add(dir.Trim());
            }
            // dotnet tool install --global puts tools under DOTNET_CLI_HOME when it is set, else the home folder.
            foreach (var home in new[] { Environment.GetEnvironmentVariable("DOTNET_CLI_HOME"), Environment.GetEnvironmentVariable(windows ? "USERPROFILE" : "HOME") })
            {
                if (!string.IsNullOrEmpty(home)) folders.Add(Path.Combine(home, ".dotnet", "tools"));
            }
            foreach (var folder in folders)
            {
                foreach (var name in names)
                {
                    string candidate;
                    try { candidate = Path.Combine(folder, name); }
                    catch (ArgumentException) { continue; }
                    if (File.Exists(candidate)) return (candidate, null);
                }
            }
            throw new PdApiException(PdErrors.EmulatorNotFound,
                "The PSPipedream emulator (pd-emulator) was not found on PATH or in the .NET global tools folder. " +
                "Install it with: dotnet tool install --global PSPipedream.Emulator (or pass -Path).");
        }
    }
}
