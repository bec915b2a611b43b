using System;
using System.Linq;
using PSPipedream.Connection;

namespace PSPipedream.Cmdlets
{
    /// <summary>The rules for what a connection is made of: a key and a proxy address.</summary>
    internal static partial class PdValidation
    {
        /// <summary>Null when an API key (already trimmed, not empty) holds no control characters; else why not.</summary>
        public static string? CheckApiKey(string key) =>
            key.Any(char.IsControl) ? "An API key holds no control characters." : null;

        /// <summary>
        /// Null when a -Proxy address is absolute, in a scheme .NET can use for a proxy, and has no
        /// user info (credentials go in -ProxyCredential, where they are not shown); else why not.
        /// </summary>
        public static string? CheckProxyUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
                return "'" + PdAddress.WithoutUserInfo(uri.OriginalString) + "' is not an absolute URI such as http://proxy.example.com:3128.";
            if (uri.UserInfo.Length > 0)
                return "'" + PdAddress.WithoutUserInfo(uri.OriginalString) + "' holds a user name or password: give them with -ProxyCredential instead.";
            switch (uri.Scheme)
            {
                case "http":
                case "https":
                case "socks4":
                case "socks4a":
                case "socks5":
                    return null;
            }
            return "'" + PdAddress.WithoutUserInfo(uri.OriginalString) + "' is not an http://, https://, socks4://, socks4a:// or socks5:// address.";
        }
    }
}
