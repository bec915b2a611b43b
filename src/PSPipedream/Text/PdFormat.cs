using PSPipedream.Text;

namespace PSPipedream
{
    /// <summary>
    /// What the module's views (PSPipedream.Format.ps1xml) call to show a value. Public because
    /// format script blocks run as the user's script; the rules themselves stay with
    /// <see cref="PdText"/>, which is free to change.
    /// </summary>
    public static class PdFormat
    {
        /// <summary>
        /// A value as a table or list cell: a string, or free-form data as its one line of JSON,
        /// with control and invisible characters shown as \uXXXX; anything else as it is.
        /// </summary>
        public static object? Display(object? value) => PdText.Display(value);

        /// <summary>A time as UTC, 2026-12-01 20:18:23Z, in every culture (null stays null).</summary>
        public static object? Time(object? value) => PdTimeText.Display(Unwrap(value), milliseconds: false);

        /// <summary>An event's time as UTC to the millisecond, 2026-12-01 20:18:23.123Z, in every culture.</summary>
        public static object? EventTime(object? value) => PdTimeText.Display(Unwrap(value), milliseconds: true);

        private static object? Unwrap(object? value) => value is System.Management.Automation.PSObject pso ? pso.BaseObject : value;
    }
}
