using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Reads the emulator's log of API requests (GET /_emulator/requests), oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "PdEmulatorRequest")]
    [OutputType(typeof(PdEmulatorRequest))]
    public sealed class GetPdEmulatorRequestCommand : PdEmulatorCmdlet
    {
        [Parameter(HelpMessage = "Only requests logged after this sequence number (a request's Seq).")]
        [ValidateRange(0, long.MaxValue)]
        public long Since { get; set; }

        [Parameter(HelpMessage = "Only requests with this HTTP method (GET, POST, PUT, DELETE, HEAD).")]
        [ValidateNotNullOrEmpty]
        public string? Method { get; set; }

        [Parameter(HelpMessage = "Only requests whose path (without the query) matches this wildcard, e.g. /v1/sources/*.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Path { get; set; }

        [Parameter(HelpMessage = "Only the newest N requests (of those that match), still oldest first.")]
        [ValidateRange(1, int.MaxValue)]
        public int Last { get; set; }

        private protected override void ProcessPdRecord()
        {
            var query = new List<string>();
            if (IsBound(nameof(Since))) query.Add("since=" + Since.ToString(CultureInfo.InvariantCulture));
            var filtered = Method != null || Path != null;
            if (IsBound(nameof(Last)) && !filtered) query.Add("limit=" + Last.ToString(CultureInfo.InvariantCulture));
            var log = Control.Get("requests" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty),
                a => PdEmulatorJson.ExpectArray(a).Select(PdEmulatorRequest.From).ToList(), CancellationToken);
            var pattern = Path == null ? null : new WildcardPattern(Path, WildcardOptions.IgnoreCase);
            var matches = log
                .Where(r => Method == null || string.Equals(r.Method, Method, StringComparison.OrdinalIgnoreCase))
                .Where(r => pattern == null || pattern.IsMatch(r.Path ?? string.Empty))
                .ToList();
            if (IsBound(nameof(Last)) && matches.Count > Last) matches = matches.Skip(matches.Count - Last).ToList();
            foreach (var request in matches) WriteObject(request);
        }
    }
}
