using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Saves a component in the account (POST /components) from its code (-Code), a file (-Path,
    /// read as text; files can be piped from Get-ChildItem) or the URL where it is hosted (-Url).
    /// Writes the saved component, with the props a source made from it takes.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PdComponent", DefaultParameterSetName = CodeSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Component))]
    public sealed class NewPdComponentCommand : PdCmdlet
    {
        private const string CodeSet = "Code";
        private const string PathSet = "Path";
        private const string UrlSet = "Url";

        private string? _current;

        /// <summary>The component's code.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CodeSet,
            HelpMessage = "The full code of the component (sent as component_code).")]
        [ValidateNotNullOrEmpty]
        public string? Code { get; set; }

        /// <summary>A file holding the component's code.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "A file holding the component's code; its text is sent as component_code. Wildcards allowed.")]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Path { get; set; }

        /// <summary>Where the component's code is hosted.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet,
            HelpMessage = "The URL where the component's code is hosted, e.g. a GitHub file (sent as component_url).")]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        private protected override object? ErrorTarget => _current;

        private protected override void ProcessPdRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var file in ResolveFiles(Path!))
                    {
                        string code;
                        try
                        {
                            code = File.ReadAllText(file);
                        }
                        catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
                        {
                            WriteError(new ErrorRecord(ex, "PdFileReadFailed", ErrorCategory.ReadError, file));
                            continue;
                        }
                        Save("component_code", code, file);
                    }
                    break;
                case UrlSet:
                    Save("component_url", Url!, Url!);
                    break;
                default:
                    Save("component_code", Code!, string.Format(CultureInfo.InvariantCulture, "component code ({0} characters)", Code!.Length));
                    break;
            }
        }

        private void Save(string field, string value, string target)
        {
            _current = target;
            if (!ShouldProcessItem(target, "Save component")) return;
            var request = PdRequest.Post("components").WithBody(new JObject { [field] = value });
            request.IfUncertain = "Saving it again may leave two copies of the component.";
            WriteModel(Wait(SendAsync<Component>(request)));
        }

        /// <summary>
        /// The files -Path names; a path that matches nothing is an error naming it, before any
        /// request: non-terminating for piped files (the next one is tried), terminating for -Path
        /// given directly.
        /// </summary>
        private IEnumerable<string> ResolveFiles(string path)
        {
            IList<string> files;
            ProviderInfo provider;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException ex)
            {
                Refuse(new ErrorRecord(ex, "PdFileNotFound", ErrorCategory.ObjectNotFound, path));
                return new string[0];
            }
            catch (System.Management.Automation.DriveNotFoundException ex)
            {
                Refuse(new ErrorRecord(ex, "PdFileNotFound", ErrorCategory.ObjectNotFound, path));
                return new string[0];
            }
            if (provider.Name != "FileSystem")
            {
                Reject(nameof(Path), "'" + path + "' is not a file system path.", path);
                return new string[0];
            }
            if (files.Count == 0)
            {
                Refuse(new ErrorRecord(new ItemNotFoundException("Cannot find a file matching '" + path + "'."),
                    "PdFileNotFound", ErrorCategory.ObjectNotFound, path));
            }
            var result = new List<string>();
            foreach (var file in files)
            {
                if (Directory.Exists(file))
                {
                    Reject(nameof(Path), "'" + file + "' is a directory, not a file.", file);
                    continue;
                }
                result.Add(file);
            }
            return result;
        }
    }
}
