using System.IO;
using System.Management.Automation;
using PSPipedream.Configuration;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Writes the account's sources, subscriptions and webhooks as one JSON document: to -Path
    /// (UTF-8 without BOM, the same bytes for an unchanged account), or as text to the pipeline.
    /// Secret props and app connections are placeholders; names that are not unique are refused
    /// (PdAmbiguousName) unless -Force. -As Mermaid draws the same document as a flowchart instead.
    /// </summary>
    [Cmdlet(VerbsData.Export, "PdConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class ExportPdConfigurationCommand : PdConfigurationCmdlet
    {
        /// <summary>The file to write; without it the text goes to the pipeline.</summary>
        [Parameter(Position = 0, HelpMessage = "The file to write the document to (UTF-8 without BOM). Without it, the JSON text is written to the pipeline.")]
        [ValidateNotNullOrEmpty]
        [Alias("FilePath")]
        public string? Path { get; set; }

        /// <summary>The document itself, or the picture of its subscriptions.</summary>
        [Parameter(HelpMessage = "Json (the default): the document that Compare-, Test- and Import-PdConfiguration read. Mermaid: a flowchart of who listens to what.")]
        public ConfigurationFormat As { get; set; } = ConfigurationFormat.Json;

        /// <summary>Write the names that are not unique anyway, with a warning.</summary>
        [Parameter(HelpMessage = "Write sources or webhooks that share a name anyway, with a warning naming them (they cannot be matched by name).")]
        public SwitchParameter Force { get; set; }

        /// <summary>With -Path, write the text to the pipeline too.</summary>
        [Parameter(HelpMessage = "With -Path, also write the JSON text to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter(HelpMessage = "Do not replace a file that already exists.")]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        private protected override void ProcessPdRecord() => Terminating(Export);

        private void Export()
        {
            var snapshot = ReadLive(Force.IsPresent);
            foreach (var name in snapshot.DuplicateSources) WriteWarningLine("More than one source is named '" + name + "'; it cannot be matched by name.");
            foreach (var name in snapshot.DuplicateWebhooks) WriteWarningLine("More than one webhook is named '" + name + "'; it cannot be matched by name.");
            foreach (var prop in snapshot.GuessedSecrets)
            {
                WriteWarningLine("The prop '" + prop + "' is written as the placeholder {\"$secret\": \"" + prop +
                                 "\"}: its name reads like a secret, though its component does not flag it secret. Import needs its value with -Secret @{ '" + prop + "' = ... } to create the source.");
            }
            var document = Scoped(snapshot.Document);
            var text = As == ConfigurationFormat.Mermaid ? ConfigMermaid.Write(document) : ConfigWriter.Write(document);
            if (Path == null)
            {
                WriteObject(text);
                return;
            }

            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (NoClobber.IsPresent && File.Exists(file))
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("The file '" + file + "' already exists, and -NoClobber was given."),
                    "NoClobber", ErrorCategory.ResourceExists, file));
            }
            if (ShouldProcessItem(file, "Write the configuration"))
            {
                File.WriteAllBytes(file, ConfigWriter.FileEncoding.GetBytes(text));
            }
            if (PassThru.IsPresent) WriteObject(text);
        }
    }
}
