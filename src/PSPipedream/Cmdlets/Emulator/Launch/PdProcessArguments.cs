using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Hands arguments to a child process so that each arrives as exactly one argument, whatever
    /// quotes, backslashes or spaces it holds: a path or value must never become an option.
    /// </summary>
    internal static class PdProcessArguments
    {
        // ProcessStartInfo.ArgumentList exists from .NET Core 2.1 on, not in netstandard2.0 nor in
        // the .NET Framework under Windows PowerShell 5.1.
        private static readonly PropertyInfo? ArgumentListProperty = typeof(ProcessStartInfo).GetProperty("ArgumentList");

        public static void Set(ProcessStartInfo startInfo, IEnumerable<string> arguments)
        {
            if (ArgumentListProperty?.GetValue(startInfo) is ICollection<string> list)
            {
                foreach (var argument in arguments) list.Add(argument);
                return;
            }
            startInfo.Arguments = Join(arguments);
        }

        /// <summary>A command line that the C runtime's parser (CommandLineToArgvW) splits back into these arguments.</summary>
        public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

        /// <summary>
        /// One argument as the Windows parsers read it: quoted when empty or holding white space or
        /// a quote; inside quotes a quote is \" and the backslashes before a quote (or before the
        /// closing quote) are doubled, while other backslashes stay as they are.
        /// </summary>
        public static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0) return argument;
            var quoted = new StringBuilder(argument.Length + 2).Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
                backslashes = 0;
                quoted.Append(c);
            }
            return quoted.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}
