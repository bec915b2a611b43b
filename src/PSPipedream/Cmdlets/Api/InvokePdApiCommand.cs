using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

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

        protected override object? ErrorTarget => _target ?? Path;

        protected override void ProcessPdRecord()
        {
            _target = null;
            var method = Method.ToUpperInvariant();
            var connection = ResolveConnection();

            var path = ApiPath.Parse(Path, connection.BaseUri, out var problem);
            if (path == null)
            {
                RejectItemArgument(nameof(Path), problem!, Path);
                return;
            }
            var request = new PdRequest(new HttpMethod(method), path.Segments);
            foreach (var pair in path.Query) request.SetQuery(pair.Key, pair.Value);
            if (Query != null && !AddQuery(request)) return;
            if (IsBound(nameof(Body)))
            {
                if (method == "GET")
                {
                    RejectItemArgument(nameof(Body), "A GET request has no body; pass its parameters with -Query.", Body);
                    return;
                }
                var body = ToJsonBody(Body, out var bodyProblem);
                if (bodyProblem != null)
                {
                    RejectItemArgument(nameof(Body), bodyProblem, Body);
                    return;
                }
                request.WithBody(body);
            }
            if (All.IsPresent && method != "GET")
            {
                RejectItemArgument(nameof(All), "-All follows the pages of a GET list; it cannot be used with " + method + ".", method);
                return;
            }

            Uri uri;
            try
            {
                uri = connection.Client.BuildUri(request);
            }
            catch (PdApiException ex)
            {
                RejectItemArgument(nameof(Path), ex.Message, Path);
                return;
            }
            _target = method + " " + uri.AbsoluteUri;
            if (method != "GET" && !ShouldProcess(_target, "Send request")) return;

            if (All.IsPresent)
            {
                WriteAllPages(request);
                return;
            }
            WriteBody(Send(request));
        }

        private bool AddQuery(PdRequest request)
        {
            foreach (DictionaryEntry entry in Query!)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name))
                {
                    RejectItemArgument(nameof(Query), "A query parameter has no name.", Query);
                    return false;
                }
                var value = QueryValue(entry.Value);
                if (value == null) request.RemoveQuery(name!);
                else request.SetQuery(name!, value);
            }
            return true;
        }

        /// <summary>A query value as text: null leaves the parameter out, booleans are true/false, arrays comma-separated.</summary>
        private static string? QueryValue(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    return s;
                case bool b:
                    return b ? "true" : "false";
                case SwitchParameter sp:
                    return sp.IsPresent ? "true" : "false";
                case DateTime dt:
                    return dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                case IEnumerable sequence:
                    return string.Join(",", sequence.Cast<object?>().Select(QueryValue).Where(v => v != null));
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>-Body as JSON: a string must hold JSON; anything else is converted (hashtables and PSCustomObjects become objects).</summary>
        private static JToken? ToJsonBody(object? body, out string? problem)
        {
            problem = null;
            var raw = body is PSObject pso && !(pso.BaseObject is PSCustomObject) ? pso.BaseObject : body;
            if (raw == null) return JValue.CreateNull();
            if (raw is string text)
            {
                try
                {
                    return PdJson.Parse(text);
                }
                catch (JsonException ex)
                {
                    problem = "The string is not valid JSON: " + ex.Message;
                    return null;
                }
            }
            return PdJson.FromPSObject(body);
        }

        private void WriteAllPages(PdRequest request)
        {
            var options = new PdPagingOptions { All = true };
            var limit = request.Query.Where(kv => kv.Key == "limit").Select(kv => kv.Value).LastOrDefault();
            if (limit != null)
            {
                if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > PdPagingOptions.MaxPageSize)
                {
                    RejectItemArgument(nameof(Query), "limit must be a whole number from 1 to 100 for -All, not '" + limit + "'.", limit);
                    return;
                }
                options.PageSize = size;
            }
            options.After = request.Query.Where(kv => kv.Key == "after").Select(kv => kv.Value).LastOrDefault();
            options.Before = request.Query.Where(kv => kv.Key == "before").Select(kv => kv.Value).LastOrDefault();
            if (options.After != null && options.Before != null)
            {
                RejectItemArgument(nameof(Query), "after and before cannot be used together.", Query);
                return;
            }

            JToken? body = null;
            var first = true;
            foreach (var page in PdPager.Pages(request, options, r => PdPage.FromJson(body = Send(r))))
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

        /// <summary>The items of a "data" array one by one, else the "data" value, else the whole body.</summary>
        private void WriteBody(JToken? body)
        {
            if (body == null || body.Type == JTokenType.Null) return;
            var output = body is JObject obj && obj.TryGetValue("data", out var data) ? data : body;
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
