using System.Globalization;
using System.Linq;
using System.Text;

namespace PSPipedream.Http
{
    /// <summary>How user input and server text are quoted in messages: never too long, never raw control characters.</summary>
    public static class PdText
    {
        /// <summary>The most characters of one id, path or quoted body a message shows.</summary>
        public const int MaxQuoted = 200;

        /// <summary>
        /// <paramref name="text"/> made safe to print: control characters written as \uXXXX (so an
        /// id cannot ring the bell or move the cursor), then cut to <paramref name="max"/>
        /// characters with "..." when longer.
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
            value is string text && (text.Length > MaxQuoted || text.Any(char.IsControl)) ? Quote(text) : value;

        /// <summary>Control characters written as \uXXXX; everything else as is.</summary>
        public static string Printable(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
