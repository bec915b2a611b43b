using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Calls any API path with the current connection: -Path is relative to the base URI (a path
    /// outside it is refused before any request), -Query goes in the query string, -Body is sent
    /// as JSON. Writes one PSCustomObject per item of a "data" array, else the "data" object, else
    /// the whole body; -All follows page_info. Anything but GET goes through ShouldProcess.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PdApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokePdApiCommand : PdCmdlet
    {
        private string? _target;

        /// <summary>The HTTP method.</summary>
        [Parameter(HelpMessage = "The HTTP method: GET (the default), POST, PUT, DELETE or PATCH.")]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The path below the base URI, e.g. users/me or /sources/dc_x/event_summaries.</summary>
        [Parameter(Mandatory = true, Position = 0,
            HelpMessage = "The path relative to the base URI, e.g. 'users/me' (a leading '/' or the base path, as in '/v1/users/me', is allowed). A '?query' part is added to -Query.")]
        [AllowEmptyString]
        public string Path { get; set; } = null!;

        /// <summary>Query parameters; values are URL-encoded.</summary>
        [Parameter(HelpMessage = "Query parameters, e.g. @{ limit = 10; include = 'id,name' }. Values are URL-encoded; an array is sent comma-separated.")]
        [ValidateNotNull]
        public IDictionary? Query { get; set; }

        /// <summary>The JSON body: a hashtable, a PSCustomObject or a JSON string.</summary>
        [Parameter(HelpMessage = "The request body, sent as JSON: a hashtable, a PSCustomObject, or a string holding JSON. Names are sent as given (the API uses snake_case).")]
        public object? Body { get; set; }

        /// <summary>Follow page_info and write the items of every page.</summary>
        [Parameter(HelpMessage = "For a GET of a list: follow page_info.end_cursor and write the items of every page. A 'limit' in -Query sets the page size (default 100).")]
        public SwitchParameter All { get; set; }

        private protected override object? ErrorTarget => _target ?? Path;

        private protected override void ProcessPdRecord()
        {
            _target = null;
            var method = Method.ToUpperInvariant();

            // -Query and -Body are checked before anything is sent, even an implicit connection's key check.
            IReadOnlyList<KeyValuePair<string, string?>>? query = null;
            if (Query != null && !PdFreeForm.TryToQuery(Query, nameof(Query), out query, out var queryProblem))
            {
                Reject(nameof(Query), queryProblem!, Query);
                return;
            }
            JToken? body = null;
            if (IsBound(nameof(Body)))
            {
                if (method == "GET")
                {
                    Reject(nameof(Body), "A GET request has no body; pass its parameters with -Query.", Body);
                    return;
                }
                if (!PdFreeForm.TryToJsonBody(Body, nameof(Body), out body, out var bodyProblem))
                {
                    Reject(nameof(Body), bodyProblem!, Body);
                    return;
                }
            }

            // The target is built without connecting: -WhatIf sends nothing, not even the key check
            // of a connection made from the environment.
            var baseUri = PreviewBaseUri();
            var path = ApiPath.Parse(Path, baseUri, out var problem);
            if (path == null)
            {
                Reject(nameof(Path), problem!, Path);
                return;
            }
            var request = new PdRequest(new HttpMethod(method), path.Segments);
            foreach (var pair in path.Query) request.SetQuery(pair.Key, pair.Value);
            if (query != null)
            {
                // -Query wins over a '?query' part of -Path; a null value removes the parameter.
                foreach (var pair in query)
                {
                    if (pair.Value == null) request.RemoveQuery(pair.Key);
                    else request.SetQuery(pair.Key, pair.Value);
                }
            }
            if (body != null) request.WithBody(body);
            if (All.IsPresent && method != "GET")
            {
                Reject(nameof(All), "-All follows the pages of a GET list; it cannot be used with " + method + ".", method);
                return;
            }

            Uri uri;
            try
            {
                uri = PreviewUri(request);
            }
            catch (PdApiException ex)
            {
                Reject(nameof(Path), ex.Message, Path);
                return;
            }
            _target = method + " " + uri.AbsoluteUri;
            if (method != "GET" && !ShouldProcessItem(_target, "Send request")) return;

            if (All.IsPresent)
            {
                WriteAllPages(request);
                return;
            }
            WriteBody(Wait(SendAsync(request)));
        }

        private void WriteAllPages(PdRequest request)
        {
            var options = new PdPagingOptions { All = true };
            var limit = request.Query.Where(kv => kv.Key == "limit").Select(kv => kv.Value).LastOrDefault();
            if (limit != null)
            {
                if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > PdPagingOptions.MaxPageSize)
                {
                    Reject(nameof(Query), "limit must be a whole number from 1 to 100 for -All, not '" + limit + "'.", limit);
                    return;
                }
                options.PageSize = size;
            }
            options.After = request.Query.Where(kv => kv.Key == "after").Select(kv => kv.Value).LastOrDefault();
            options.Before = request.Query.Where(kv => kv.Key == "before").Select(kv => kv.Value).LastOrDefault();
            if (options.After != null && options.Before != null)
            {
                Reject(nameof(Query), "after and before cannot be used together.", Query);
                return;
            }

            JToken? body = null;
            var first = true;
            var progress = new PdWalkProgress(this, MyInvocation.MyCommand.Name);
            try
            {
                foreach (var page in PdPager.Pages(request, options, progress.Around(r => PdPage.FromJson(body = Wait(SendAsync(r))))))
                {
                    if (first && !(body is JObject obj && obj["data"] is JArray))
                    {
                        // Not a list: write the answer as a single request would.
                        WriteBody(body);
                        return;
                    }
                    first = false;
                    foreach (var item in page.Items) WriteObject(PdJson.ToPSObject(item));
                }
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>The items of a "data" array one by one, else the "data" value, else the whole body.</summary>
        private void WriteBody(JToken? body)
        {
            if (body == null || body.Type == JTokenType.Null) return;
            var output = PdAnswer.DataOrBody(body);
            if (output == null || output.Type == JTokenType.Null) return;
            if (output is JArray array)
            {
                foreach (var item in array) WriteObject(PdJson.ToPSObject(item));
                return;
            }
            WriteObject(PdJson.ToPSObject(output));
        }
    }
}
