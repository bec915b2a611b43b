using System;
using System.Globalization;
using System.Text.RegularExpressions;
using PSPipedream.Errors;

namespace PSPipedream.Connection
{
    /// <summary>
    /// The rules for an API root, checked before a key is ever sent to it. Each failure is a
    /// PdApiException whose message never shows a user name or password typed into the address.
    /// </summary>
    internal static class PdBaseUri
    {
        public const string Default = "https://api.pipedream.com/v1";

        /// <summary>
        /// Checks a base URI: absolute http(s) without user info, and http only to a loopback
        /// host, since the key would otherwise cross the network in clear. Throws PdApiException
        /// (PdInsecureBaseUri / PdInvalidArgument).
        /// </summary>
        public static Uri Check(Uri uri, string source)
        {
            if (uri.IsAbsoluteUri && uri.UserInfo.Length > 0)
            {
                // It would be shown by Get-PdContext and in every error, and the API takes no such credentials.
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) holds a user name or password before its host. The API takes only the key " +
                    "(-ApiKey, $env:{2} or the pd CLI's profile); remove the part before '@'.",
                    PdAddress.WithoutUserInfo(uri.OriginalString), source, PdEnvironment.ApiKeyVariable));
            }
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) is not an absolute http:// or https:// URI.", PdAddress.WithoutUserInfo(uri.OriginalString), source));
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                throw new PdApiException(PdErrors.InsecureBaseUri, string.Format(CultureInfo.InvariantCulture,
                    "Refusing the base URI '{0}' (from {1}): over http:// the API key would travel unencrypted. " +
                    "Use https://, or http:// only to a loopback address (localhost, 127.0.0.1, ::1).",
                    uri.GetLeftPart(UriPartial.Path), source));
            }
            return uri;
        }

        /// <summary>
        /// The base URI meant, for one whose GET /users/me answered 404 because it lacks /v1 (the
        /// emulator's printed root) or names another version (/v2): the API has only v1. Null when
        /// the path is neither, and a 404 there says nothing about the version.
        /// </summary>
        public static string? Suggestion(Uri baseUri)
        {
            var path = baseUri.AbsolutePath;
            if (path != "/")
            {
                var version = Regex.Match(path, "^(?<prefix>/(?:.*/)?)v(?<n>[0-9]+)/?$", RegexOptions.CultureInvariant);
                if (!version.Success || version.Groups["n"].Value == "1") return null;
                path = version.Groups["prefix"].Value;
            }
            return baseUri.GetLeftPart(UriPartial.Authority) + path + "v1";
        }

        /// <summary>A base URI from text (an environment variable), checked as <see cref="Check"/> does.</summary>
        public static Uri Parse(string text, string source)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                throw new PdApiException(PdErrors.InvalidArgument, string.Format(CultureInfo.InvariantCulture,
                    "The base URI '{0}' (from {1}) is not an absolute URI.", PdAddress.WithoutUserInfo(text), source));
            }
            return Check(uri, source);
        }
    }
}
