using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text;

namespace PSPipedream.Text
{
    /// <summary>
    /// How user input and server text are shown in messages and views: never too long, never a
    /// character that acts on the console instead of being seen. Control characters (C0, DEL, C1:
    /// escape sequences, bell, carriage return, backspace), invisible format characters (zero-width
    /// space and joiners, bidirectional overrides and isolates, soft hyphen) and line or paragraph
    /// separators are written as \uXXXX, one per UTF-16 unit ("\u001b", "\u200b", "\u202e"), so
    /// "prod\u200b-db" cannot pass for "prod-db" and a name cannot recolour or reorder the screen.
    /// </summary>
    internal static class PdText
    {
        /// <summary>The most characters of one id, path or quoted body a message shows.</summary>
        public const int MaxQuoted = 200;

        /// <summary>
        /// <paramref name="text"/> as a single-quoted PowerShell literal for a command a message
        /// suggests: quotes doubled, never cut, control characters escaped (see <see cref="Printable"/>)
        /// so the line stays one line. With <paramref name="wildcard"/>, wildcard characters are
        /// escaped too, for a parameter that takes wildcards (Get-PdSource -Name).
        /// </summary>
        public static string Literal(string text, bool wildcard = false) =>
            "'" + CodeGeneration.EscapeSingleQuotedStringContent(Printable(wildcard ? WildcardPattern.Escape(text) : text)) + "'";

        /// <summary>
        /// <paramref name="text"/> made safe to print (see <see cref="Printable"/>), then cut to
        /// <paramref name="max"/> characters with "..." when longer.
        /// </summary>
        public static string Quote(string? text, int max = MaxQuoted)
        {
            var printable = Printable(text ?? string.Empty);
            return printable.Length <= max ? printable : printable.Substring(0, max) + "...";
        }

        /// <summary>
        /// An input as an error's target, which the error view prints: as given when it is
        /// printable and short, else quoted (control characters escaped, cut at 200).
        /// </summary>
        public static object? Target(object? value) =>
            value is string text && (text.Length > MaxQuoted || HasUnprintable(text)) ? Quote(text) : value;

        /// <summary>
        /// A value for a table or list view: a string (or free-form data, as its one line of JSON)
        /// with its unprintable characters escaped (see <see cref="Printable"/>), anything else as
        /// it is. The object keeps its real value.
        /// </summary>
        public static object? Display(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is string inner) return Printable(inner);
                // Free-form data (an event's payload): its ToString is one line of JSON, shown escaped too.
                if (wrapped.BaseObject is PSCustomObject) return Printable(wrapped.ToString());
                return value;
            }
            return value is string text ? Printable(text) : value;
        }

        /// <summary>Unprintable characters (control, invisible format, line and paragraph separators) written as \uXXXX; everything else as is.</summary>
        public static string Printable(string text)
        {
            if (!HasUnprintable(text)) return text;
            var sb = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsSurrogatePair(text, i) && IsUnprintable(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    // e.g. the invisible tag characters U+E0000..E007F: both halves escaped.
                    Escape(sb, c);
                    Escape(sb, text[++i]);
                }
                else if (!char.IsSurrogate(c) && IsUnprintable(CharUnicodeInfo.GetUnicodeCategory(c)))
                {
                    Escape(sb, c);
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }

        /// <summary>Whether <paramref name="text"/> holds a character <see cref="Printable"/> escapes.</summary>
        public static bool HasUnprintable(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var category = char.IsSurrogatePair(text, i) ? CharUnicodeInfo.GetUnicodeCategory(text, i++) : CharUnicodeInfo.GetUnicodeCategory(text[i]);
                if (IsUnprintable(category)) return true;
            }
            return false;
        }

        private static bool IsUnprintable(UnicodeCategory category) =>
            category == UnicodeCategory.Control || category == UnicodeCategory.Format ||
            category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator;

        private static void Escape(StringBuilder sb, char c) =>
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }
}
