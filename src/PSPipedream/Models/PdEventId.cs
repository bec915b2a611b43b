using System;
using System.Globalization;

namespace PSPipedream
{
    /// <summary>
    /// An event id, <c>&lt;ms&gt;-&lt;seq&gt;</c>, ordered by time. The parts are compared as numbers of
    /// any length ("999-5" comes before "1000-0", "1000-2" before "1000-10"), since comparing the
    /// ids as strings would put a shorter, older id after a longer one. A part that is not digits
    /// is compared as text, so an id of another shape still has a fixed place.
    /// </summary>
    internal readonly struct PdEventId : IComparable<PdEventId>
    {
        private static readonly char[] Dash = { '-' };

        public PdEventId(string text)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        public string Text { get; }

        /// <summary>When the event was emitted, from the id's first part (Unix milliseconds); null when that part is not a time.</summary>
        public DateTime? Time
        {
            get
            {
                var dash = Text.IndexOf('-');
                var first = dash < 0 ? Text : Text.Substring(0, dash);
                if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return null;
                // Beyond what DateTimeOffset holds the id is not a time, whatever it looks like.
                if (ms > 253402300799999L) return null;
                return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
            }
        }

        public int CompareTo(PdEventId other)
        {
            var mine = (Text ?? string.Empty).Split(Dash);
            var theirs = (other.Text ?? string.Empty).Split(Dash);
            for (var i = 0; i < mine.Length && i < theirs.Length; i++)
            {
                var c = CompareParts(mine[i], theirs[i]);
                if (c != 0) return c;
            }
            return mine.Length.CompareTo(theirs.Length);
        }

        /// <summary>Two parts of an id: as whole numbers when both are digits (by length once leading zeros go, then digit by digit), else as text.</summary>
        private static int CompareParts(string a, string b)
        {
            if (IsDigits(a) && IsDigits(b))
            {
                a = a.TrimStart('0');
                b = b.TrimStart('0');
                if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
            }
            return string.CompareOrdinal(a, b);
        }

        private static bool IsDigits(string text)
        {
            if (text.Length == 0) return false;
            foreach (var ch in text)
            {
                if (ch < '0' || ch > '9') return false;
            }
            return true;
        }

        public override string ToString() => Text;
    }
}
