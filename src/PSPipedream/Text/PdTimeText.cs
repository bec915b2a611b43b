using System;
using System.Globalization;

namespace PSPipedream.Text
{
    /// <summary>
    /// How the views write a time: UTC as 2026-12-01 20:18:23Z (events to the millisecond,
    /// 2026-12-01 20:18:23.123Z), whatever the session's culture. Custom patterns read ':' and '/'
    /// from the culture and its calendar (a Thai session would write the year 2569), so the
    /// invariant culture is given explicitly.
    /// </summary>
    internal static class PdTimeText
    {
        private const string Seconds = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
        private const string Milliseconds = "yyyy'-'MM'-'dd HH':'mm':'ss'.'fff'Z'";

        /// <summary>A DateTime or DateTimeOffset as UTC text; null for null; anything else as it is.</summary>
        public static object? Display(object? value, bool milliseconds)
        {
            var pattern = milliseconds ? Milliseconds : Seconds;
            switch (value)
            {
                case DateTime time:
                    return Text(time, milliseconds);
                case DateTimeOffset offset:
                    return offset.UtcDateTime.ToString(pattern, CultureInfo.InvariantCulture);
                default:
                    return value;
            }
        }

        /// <summary>A time as UTC text, as the views write it (messages use it too).</summary>
        public static string Text(DateTime time, bool milliseconds) =>
            ToUtc(time).ToString(milliseconds ? Milliseconds : Seconds, CultureInfo.InvariantCulture);

        /// <summary>The models' times are UTC already; an Unspecified one is taken as UTC, a Local one converted.</summary>
        private static DateTime ToUtc(DateTime time) =>
            time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
