using System;

namespace PSPipedream.Connection
{
    /// <summary>How a base URI or proxy address is shown in messages and error targets.</summary>
    internal static class PdAddress
    {
        /// <summary>
        /// An address as given, with anything before its last '@' (after the scheme) shown as
        /// ****, so a password typed into it is never printed, even when the address is too broken
        /// to parse.
        /// </summary>
        /// <remarks>
        /// PdValidation.HideUserInfo does the same for webhook URLs with another result ('***',
        /// and only an '@' before any '?' or '#' counts). Both results are in messages users
        /// already see and tests hold, so neither is bent to fit the other. This one cuts to the
        /// last '@' anywhere because a connection address has no query worth showing, and hiding
        /// too much is the safe mistake.
        /// </remarks>
        public static string? WithoutUserInfo(string? address)
        {
            if (address == null) return null;
            var at = address.LastIndexOf('@');
            if (at < 0) return address;
            var scheme = address.IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            return address.Substring(0, start) + "****" + address.Substring(at);
        }
    }
}
