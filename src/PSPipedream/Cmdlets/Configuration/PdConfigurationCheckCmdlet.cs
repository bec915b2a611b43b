using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Configuration;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of Compare- and Test-PdConfiguration: the file (-Path) or text (-InputObject, also
    /// piped line by line from Get-Content) against the live account, once all input is in.
    /// </summary>
    public abstract class PdConfigurationCheckCmdlet : PdConfigurationCmdlet
    {
        private const string PathSet = "Path";
        private const string InputSet = "InputObject";
        private readonly List<string> _lines = new List<string>();

        /// <summary>The document's file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet,
            HelpMessage = "The document's file, as Export-PdConfiguration writes it.")]
        [ValidateNotNullOrEmpty]
        [Alias("FilePath")]
        public string Path { get; set; } = string.Empty;

        /// <summary>The document as text, as Export-PdConfiguration (or -PassThru) gives it.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet,
            HelpMessage = "The document as JSON text, e.g. what Export-PdConfiguration -PassThru gives, or lines piped from Get-Content.")]
        [AllowEmptyString]
        public string InputObject { get; set; } = string.Empty;

        private protected override void ProcessPdRecord()
        {
            if (ParameterSetName == InputSet) _lines.Add(InputObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            Terminating(() =>
            {
                var text = ParameterSetName == InputSet ? string.Join("\n", _lines) : ReadFile();
                Run(text);
            });
        }

        /// <summary>What the command does with the document's text once all input is in.</summary>
        private protected virtual void Run(string text)
        {
            // The file is parsed before any request, so a file that is not even JSON costs no call.
            ConfigReader.Parse(text);
            var live = ReadLive(force: false);
            var wanted = ConfigReader.Read(text, LiveNames(live));
            Write(ConfigDiff.Compare(wanted, live, Scope));
        }

        private protected static ConfigLiveNames LiveNames(ConfigSnapshot live) =>
            new ConfigLiveNames(live.Document.Sources.Select(s => s.Name), live.Document.Webhooks.Select(w => w.Name));

        /// <summary>Writes the result for the differences found (none when the account matches).</summary>
        private protected virtual void Write(IReadOnlyList<ConfigurationChange> changes)
        {
        }

        private string ReadFile()
        {
            var file = SessionState.Path.GetResolvedProviderPathFromPSPath(Path, out _).FirstOrDefault() ?? Path;
            return File.ReadAllText(file, ConfigWriter.FileEncoding);
        }
    }
}
