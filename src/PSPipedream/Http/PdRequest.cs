using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace PSPipedream.Http
{
    /// <summary>
    /// One API call, described as data. Path segments and query values are kept raw here and
    /// encoded by <see cref="PdClient"/> when it builds the URL, so a cmdlet never builds a URL itself.
    /// </summary>
    internal sealed class PdRequest
    {
        private readonly List<string> _segments;
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public PdRequest(HttpMethod method, params string[] segments)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            if (segments == null) throw new ArgumentNullException(nameof(segments));
            foreach (var s in segments)
            {
                if (s == null) throw new ArgumentException("A path segment is null.", nameof(segments));
            }
            _segments = segments.ToList();
        }

        public static PdRequest Get(params string[] segments) => new PdRequest(HttpMethod.Get, segments);
        public static PdRequest Post(params string[] segments) => new PdRequest(HttpMethod.Post, segments);
        public static PdRequest Put(params string[] segments) => new PdRequest(HttpMethod.Put, segments);
        public static PdRequest Delete(params string[] segments) => new PdRequest(HttpMethod.Delete, segments);

        /// <summary>A list of an owner's resources: GET /orgs/{org}/{collection}, or /users/me/{collection} without an org.</summary>
        public static PdRequest OwnerList(string? orgId, string collection) =>
            orgId != null ? Get("orgs", orgId, collection) : Get("users", "me", collection);

        public HttpMethod Method { get; }

        /// <summary>Raw (unencoded) path segments below the base URI, e.g. "users", "me", "sources".</summary>
        public IReadOnlyList<string> Segments => _segments;

        /// <summary>Raw (unencoded) query parameters in the order they are sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        /// <summary>
        /// Optional JSON body: a JToken is sent as is; any other object is serialized with the
        /// module's settings (snake_case names unless the type says otherwise).
        /// </summary>
        public object? Body { get; set; }

        /// <summary>Called once per HTTP exchange (on whatever thread completes it). Never sees the key.</summary>
        public Action<PdTrace>? Trace { get; set; }

        /// <summary>When true the trace also carries the request and response bodies (for -Debug).</summary>
        public bool CaptureBodies { get; set; }

        /// <summary>
        /// For a create (POST): how the user can check whether it happened, e.g. "Check with
        /// Get-PdSource -Name 'x' before trying again." It ends the error when the request failed
        /// in a way that may still have taken effect, since such a request is not sent twice.
        /// </summary>
        public string? IfUncertain { get; set; }

        /// <summary>
        /// Retries for this request only, when fewer than the connection's (0: one attempt). Tab
        /// completion uses 0, so a Tab never sends more than one request.
        /// </summary>
        public int? MaxRetries { get; set; }

        /// <summary>Adds a query parameter; a null value is skipped, an empty string is sent as "key=".</summary>
        public PdRequest WithQuery(string name, string? value)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A query parameter needs a name.", nameof(name));
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public PdRequest WithQuery(string name, int? value) =>
            WithQuery(name, value?.ToString(CultureInfo.InvariantCulture));

        public PdRequest WithQuery(string name, bool? value) =>
            WithQuery(name, value == null ? null : (value.Value ? "true" : "false"));

        /// <summary>Sets a query parameter, replacing any earlier value of the same name.</summary>
        public PdRequest SetQuery(string name, string? value)
        {
            RemoveQuery(name);
            return WithQuery(name, value);
        }

        public PdRequest RemoveQuery(string name)
        {
            _query.RemoveAll(kv => string.Equals(kv.Key, name, StringComparison.Ordinal));
            return this;
        }

        public PdRequest WithBody(object? body)
        {
            Body = body;
            return this;
        }

        /// <summary>A copy with the same method, path, query and body (the trace hook is copied too).</summary>
        public PdRequest Clone()
        {
            var copy = new PdRequest(Method, _segments.ToArray())
            {
                Body = Body,
                Trace = Trace,
                CaptureBodies = CaptureBodies,
                IfUncertain = IfUncertain,
                MaxRetries = MaxRetries,
            };
            copy._query.AddRange(_query);
            return copy;
        }

        public override string ToString() => Method.Method + " /" + string.Join("/", _segments);
    }
}
