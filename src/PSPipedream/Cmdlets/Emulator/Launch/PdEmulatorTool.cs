using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>Where Start-PdEmulator finds the emulator: -Path, else pd-emulator where a tool install puts it.</summary>
    internal static class PdEmulatorTool
    {
        public const string ToolName = "pd-emulator";

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
                "Install it with: dotnet tool install --global PSPipedream.Emulator (from a build of the repository, add --add-source ./out/packages), or pass -Path.");
        }
    }
}
