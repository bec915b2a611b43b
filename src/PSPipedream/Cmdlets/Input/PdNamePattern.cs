using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// A -Name (or id) pattern with PowerShell's wildcards: * (any run), ? (any one character),
    /// [abc] and [a-z] (one of a set), and ` (backtick) to take the next character as it is.
    /// Unlike WildcardPattern it compares character by character, ordinally, ignoring only case
    /// (as StringComparison.OrdinalIgnoreCase does): a linguistic comparison skips zero-width and other ignorable
    /// characters, so "prod-db" would also match a look-alike "prod\u200B-db", and
    /// "Get-PdSource -Name prod-db | Remove-PdSource" would delete both.
    /// </summary>
    internal sealed class PdNamePattern
    {
        private readonly List<Token> _tokens;

        private PdNamePattern(string text, List<Token> tokens, string literal)
        {
            Text = text;
            _tokens = tokens;
            Literal = literal;
        }

        /// <summary>The pattern as given.</summary>
        public string Text { get; }

        /// <summary>The pattern with its escapes removed: the exact name it stands for when it has no wildcards.</summary>
        public string Literal { get; }

        /// <summary>True when the pattern holds *, ? or [...] (not escaped).</summary>
        public bool HasWildcards => _tokens.Any(t => t.Kind != TokenKind.Char);

        /// <summary>Parses <paramref name="text"/>; null and <paramref name="problem"/> when a '[' is never closed.</summary>
        public static PdNamePattern? Parse(string text, out string? problem)
        {
            problem = null;
            var tokens = new List<Token>();
            var literal = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '`' when i + 1 < text.Length:
                        i++;
                        tokens.Add(Token.Char(text[i]));
                        literal.Append(text[i]);
                        break;
                    case '*':
                        // Runs of * match what one does.
                        if (tokens.Count == 0 || tokens[tokens.Count - 1].Kind != TokenKind.Star) tokens.Add(Token.Star);
                        literal.Append(c);
                        break;
                    case '?':
                        tokens.Add(Token.Any);
                        literal.Append(c);
                        break;
                    case '[':
                        var set = ParseSet(text, ref i, out var setProblem);
                        if (set == null)
                        {
                            problem = string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid pattern: {1}", PdText.Quote(text), setProblem);
                            return null;
                        }
                        tokens.Add(set);
                        break;
                    default:
                        tokens.Add(Token.Char(c));
                        literal.Append(c);
                        break;
                }
            }
            return new PdNamePattern(text, tokens, literal.ToString());
        }

        /// <summary>
        /// The set that starts at text[i] == '['; on return i is at its ']'. A ']' right after '['
        /// and a '-' first or last are taken as themselves, as WildcardPattern takes them; like it,
        /// a set never closed or a range backwards ([z-a]) is refused.
        /// </summary>
        private static Token? ParseSet(string text, ref int i, out string? problem)
        {
            problem = null;
            var members = new List<char>();
            var escaped = new List<bool>();
            var j = i + 1;
            for (; j < text.Length; j++)
            {
                var c = text[j];
                if (c == ']' && members.Count > 0) break;
                if (c == '`' && j + 1 < text.Length)
                {
                    j++;
                    members.Add(text[j]);
                    escaped.Add(true);
                    continue;
                }
                members.Add(c);
                escaped.Add(false);
            }
            if (j >= text.Length)
            {
                problem = "a '[' is not closed by ']'. To match '[' itself, write '`['.";
                return null;
            }
            i = j;

            var ranges = new List<(char Low, char High)>();
            for (var k = 0; k < members.Count; k++)
            {
                if (k + 2 < members.Count && members[k + 1] == '-' && !escaped[k + 1])
                {
                    var low = members[k];
                    var high = members[k + 2];
                    if (low > high)
                    {
                        problem = string.Format(CultureInfo.InvariantCulture,
                            "the range [{0}-{1}] runs backwards; write [{1}-{0}].", PdText.Quote(low.ToString()), PdText.Quote(high.ToString()));
                        return null;
                    }
                    ranges.Add((low, high));
                    k += 2;
                    continue;
                }
                ranges.Add((members[k], members[k]));
            }
            return Token.Set(ranges);
        }

        /// <summary>Whether <paramref name="value"/> matches the whole pattern.</summary>
        public bool IsMatch(string value)
        {
            // Each token but * takes exactly one character, so one remembered * is enough to backtrack to.
            int t = 0, i = 0, star = -1, starAt = 0;
            while (i < value.Length)
            {
                if (t < _tokens.Count && _tokens[t].Kind == TokenKind.Star)
                {
                    star = t++;
                    starAt = i;
                }
                else if (t < _tokens.Count && _tokens[t].Matches(value[i]))
                {
                    t++;
                    i++;
                }
                else if (star >= 0)
                {
                    t = star + 1;
                    i = ++starAt;
                }
                else
                {
                    return false;
                }
            }
            while (t < _tokens.Count && _tokens[t].Kind == TokenKind.Star) t++;
            return t == _tokens.Count;
        }

        private enum TokenKind
        {
            Char,
            Any,
            Star,
            Set,
        }

        private sealed class Token
        {
            private readonly char _char;
            private readonly List<(char Low, char High)>? _ranges;

            private Token(TokenKind kind, char c, List<(char Low, char High)>? ranges)
            {
                Kind = kind;
                _char = c;
                _ranges = ranges;
            }

            public static readonly Token Any = new Token(TokenKind.Any, '\0', null);
            public static readonly Token Star = new Token(TokenKind.Star, '\0', null);

            public TokenKind Kind { get; }

            public static Token Char(char c) => new Token(TokenKind.Char, c, null);

            public static Token Set(List<(char Low, char High)> ranges) => new Token(TokenKind.Set, '\0', ranges);

            public bool Matches(char c)
            {
                switch (Kind)
                {
                    case TokenKind.Char:
                        return EqualsIgnoringCase(c, _char);
                    case TokenKind.Any:
                        return true;
                    case TokenKind.Set:
                        // The character or another case of it: [a-z] takes 'K', but not the Kelvin
                        // sign, whose lower case is 'k' yet which is not 'k' ignoring case.
                        if (InSet(c)) return true;
                        var upper = char.ToUpperInvariant(c);
                        if (upper != c && EqualsIgnoringCase(upper, c) && InSet(upper)) return true;
                        var lower = char.ToLowerInvariant(c);
                        return lower != c && EqualsIgnoringCase(lower, c) && InSet(lower);
                    default:
                        return false;
                }
            }

            private bool InSet(char c)
            {
                foreach (var (low, high) in _ranges!)
                {
                    if (c >= low && c <= high) return true;
                }
                return false;
            }

            /// <summary>string.Equals(..., OrdinalIgnoreCase) for one character each, with an ASCII shortcut.</summary>
            private static bool EqualsIgnoringCase(char a, char b)
            {
                if (a == b) return true;
                if ((a | b) < 0x80)
                {
                    var folded = a | 0x20;
                    return folded == (b | 0x20) && folded >= 'a' && folded <= 'z';
                }
                return string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
