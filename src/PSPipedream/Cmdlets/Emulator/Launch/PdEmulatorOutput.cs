using System;
using System.Text;
using System.Threading;

namespace PSPipedream.Cmdlets
{
    /// <summary>What a starting emulator prints: its address, its first user's key, its error output.</summary>
    internal sealed class PdEmulatorOutput
    {
        private const string BasePrefix = "Base URI: ";
        private const string UserPrefix = "User ";
        private const string KeyMarker = " API key: ";
        private readonly StringBuilder _errors = new StringBuilder();
        private volatile string? _baseText;
        private volatile string? _firstUserKey;

        /// <summary>Set once the address is printed, or the process has ended.</summary>
        public ManualResetEventSlim BaseUriFound { get; } = new ManualResetEventSlim(false);

        /// <summary>Set once the first user line is printed, or the process has ended.</summary>
        public ManualResetEventSlim FirstUserFound { get; } = new ManualResetEventSlim(false);

        public string? BaseText => _baseText;

        public string? FirstUserKey => _firstUserKey;

        public void Line(string? line)
        {
            if (line == null) return;
            if (_baseText == null && line.StartsWith(BasePrefix, StringComparison.Ordinal))
            {
                _baseText = line.Substring(BasePrefix.Length).Trim();
                BaseUriFound.Set();
            }
            else if (!FirstUserFound.IsSet && line.StartsWith(UserPrefix, StringComparison.Ordinal))
            {
                var at = line.IndexOf(KeyMarker, StringComparison.Ordinal);
                var key = at < 0 ? string.Empty : line.Substring(at + KeyMarker.Length).Trim();
                if (key.Length > 0) _firstUserKey = key;
                FirstUserFound.Set();
            }
        }

        public void ErrorLine(string? line)
        {
            if (line != null) lock (_errors) _errors.AppendLine(line);
        }

        public void Exited()
        {
            BaseUriFound.Set();
            FirstUserFound.Set();
        }

        public string ErrorText()
        {
            lock (_errors) return _errors.ToString().Trim();
        }
    }
}
