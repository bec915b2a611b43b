using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PSPipedream.Errors;

namespace PSPipedream.Http
{
    /// <summary>Request URLs: the base URI, and path segments and query values that can never change the path.</summary>
    internal sealed partial class PdClient
    {
        private static Uri NormalizeBaseUri(Uri uri)
        {
            var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
            if (!builder.Path.EndsWith("/", StringComparison.Ordinal)) builder.Path += "/";
            return builder.Uri;
        }

        /// <summary>The full URL of a request: every segment and query value percent-encoded.</summary>
        public Uri BuildUri(PdRequest request) => BuildUri(BaseUri, request);

        /// <summary>The URL a request would have below <paramref name="baseUri"/>, without a client (for -WhatIf, which connects to nothing).</summary>
        internal static Uri BuildUri(Uri baseUri, PdRequest request)
        {
            baseUri = NormalizeBaseUri(baseUri);
            var path = baseUri.AbsolutePath + string.Join("/", request.Segments.Select(EncodeSegment));
            var sb = new StringBuilder(baseUri.GetLeftPart(UriPartial.Authority)).Append(path);
            if (request.Query.Count > 0)
            {
                sb.Append('?');
                sb.Append(string.Join("&", request.Query.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value))));
            }
            // Already fully escaped; dot-only segments were refused, so System.Uri has nothing to collapse.
            return CheckPathKept(new Uri(sb.ToString(), UriKind.Absolute), path);
        }

        /// <summary>
        /// Refuses a URI whose path is not the one built. .NET Framework in its legacy URI mode (as
        /// under Windows PowerShell 5.1) unescapes %2F and %5C in paths and then collapses "..",
        /// so an id such as "dc_x/../../webhooks/wh_y" would reach a different resource.
        /// </summary>
        internal static Uri CheckPathKept(Uri uri, string builtPath)
        {
            if (string.Equals(uri.AbsolutePath, builtPath, StringComparison.Ordinal)) return uri;
            throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                "The path '{0}' cannot be sent on this .NET runtime: it would become '{1}'. Ids must not contain '/' or '\\'.",
                Uri.UnescapeDataString(builtPath), uri.AbsolutePath));
        }

        /// <summary>
        /// Percent-encodes one path segment ("/", "\", "?", "#" and "%" included; "$" is left as is), so an id can
        /// never change the path. Empty segments and segments made only of dots ("." / "..", which
        /// URI parsers collapse even when escaped) are refused with PdInvalidArgument.
        /// </summary>
        internal static string EncodeSegment(string segment)
        {
            if (segment.Length == 0 || segment.Trim('.').Length == 0)
            {
                throw new PdApiException(PdErrors.InvalidArgument,
                    "'" + segment + "' cannot be used as an id or path segment.");
            }
            // '$' is legal in a path segment and the API's own paths use it ($errors): send it as is.
            return Uri.EscapeDataString(segment).Replace("%24", "$");
        }
    }
}
