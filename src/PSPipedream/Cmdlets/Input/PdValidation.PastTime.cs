using System;
using System.Globalization;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>The rule for a time that backdates something: a moment between 1970 and now.</summary>
    internal static partial class PdValidation
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// <paramref name="value"/> in UTC: a UTC time as it is, a local time or one without a zone
        /// (as PowerShell's dates usually are) converted from this machine's zone.
        /// </summary>
        public static DateTime ToUtc(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime();

        /// <summary>Null when <paramref name="utc"/> is from 1970 on and not after <paramref name="now"/>; else why not.</summary>
        public static string? CheckPastTime(DateTime utc, DateTime now)
        {
            if (utc < UnixEpoch)
                return "The time " + Shown(utc) + " is before 1970-01-01 00:00:00Z, which an event or source cannot have.";
            if (utc > now)
                return "The time " + Shown(utc) + " is in the future (it is " + Shown(now) + " now): only the past can be backdated to.";
            return null;
        }

        private static string Shown(DateTime utc) => PdTimeText.Text(utc, milliseconds: false);
    }
}
