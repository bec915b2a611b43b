using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>How Start-PdEmulator starts and ends the emulator's process (PdEmulatorTool finds it).</summary>
    internal static class PdEmulatorLaunch
    {
        /// <summary>Where the emulator reads its default user's key: the environment, unlike the command line, is not readable by other local users.</summary>
        public const string ApiKeyVariable = "PD_EMULATOR_API_KEY";

        /// <summary>
        /// The emulator's process, not yet started: on 127.0.0.1:<paramref name="port"/>, with the
        /// users file when given, and <paramref name="apiKey"/> in the environment (or, when null,
        /// no key there at all, whatever this process has), keeping its state in <paramref name="dataFile"/> when given.
        /// </summary>
        public static ProcessStartInfo StartInfo(string fileName, string? prefix, int port, string? usersFile, string? apiKey, string? dataFile = null)
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
            if (dataFile != null)
            {
                args.Add("--data-file");
                args.Add(dataFile);
            }
            PdProcessArguments.Set(startInfo, args);
            if (apiKey != null) startInfo.Environment[ApiKeyVariable] = apiKey;
            else startInfo.Environment.Remove(ApiKeyVariable);
            return startInfo;
        }

        /// <summary>
        /// Starts the process, its output lines going to <paramref name="output"/> (read once the
        /// caller begins reading). Throws PdEmulatorStartFailed when it cannot be started.
        /// </summary>
        public static Process Start(ProcessStartInfo startInfo, PdEmulatorOutput output)
        {
            var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => output.Line(e.Data);
            process.ErrorDataReceived += (_, e) => output.ErrorLine(e.Data);
            process.Exited += (_, __) => output.Exited();
            try
            {
                process.Start();
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
                process.Dispose();
                throw new PdApiException(PdErrors.EmulatorStartFailed, "Could not start '" + startInfo.FileName + "': " + ex.Message, innerException: ex);
            }
            return process;
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

        /// <summary>
        /// Stops an emulator started with --exit-with-stdin: closing its standard input makes it
        /// stop on its own, so a data file gets its last write; one still running after 5 seconds
        /// is killed.
        /// </summary>
        public static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.StandardInput.Close();
                    process.WaitForExit(5000);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is IOException || ex is Win32Exception)
            {
                // No input of ours to close, or it is gone already: the kill below decides.
            }
            Kill(process);
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
    }
}
