using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Connection;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the module's argument completers. A completer lists what it can offer
    /// (<see cref="GetItems"/>); this class matches the word typed against each value and name
    /// (a prefix, or a wildcard pattern), quotes what needs quoting and never lets an error out:
    /// Tab shows nothing rather than an error. Network-backed completers fetch through
    /// <see cref="Fetch"/>: the connection's own client, one attempt, at most two seconds, and the
    /// answer cached for a minute per connection.
    /// </summary>
    internal abstract class PdCompleter : IArgumentCompleter
    {
        /// <summary>The longest a Tab waits for the API.</summary>
        public static readonly TimeSpan RequestCap = TimeSpan.FromSeconds(2);

        private static readonly IReadOnlyList<PdCompletionItem> Nothing = Array.Empty<PdCompletionItem>();

        /// <summary>The cache this completer uses (the shared one; tests may give their own).</summary>
        internal PdCompletionCache Cache { get; set; } = PdCompletionCache.Shared;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Complete(GetItems(parameterName, fakeBoundParameters ?? new Hashtable()), wordToComplete);
            }
            catch (Exception)
            {
                // Nothing to offer is better than an error in the middle of typing.
                return new List<CompletionResult>();
            }
        }

        /// <summary>Everything this completer could offer for the command line so far.</summary>
        protected abstract IEnumerable<PdCompletionItem> GetItems(string parameterName, IDictionary fakeBoundParameters);

        /// <summary>What Tab offers, in words; the help generator adds it to each parameter's description.</summary>
        public abstract string Offers { get; }

        /// <summary>
        /// The connection a Tab may use: a -Connection already on the command line, else the current
        /// one. Never one made from environment variables or a profile: completing must not connect.
        /// </summary>
        protected static PdConnection? ConnectionFor(IDictionary fakeBoundParameters) =>
            Unwrap(fakeBoundParameters, "Connection") as PdConnection ?? PdSession.Current;

        /// <summary>A string parameter already on the command line (e.g. -OrgId), else null.</summary>
        protected static string? BoundString(IDictionary fakeBoundParameters, string name)
        {
            var value = Unwrap(fakeBoundParameters, name);
            if (value is object[] array && array.Length > 0) value = array[0] is PSObject p ? p.BaseObject : array[0];
            return value is string text && text.Trim().Length > 0 ? text.Trim() : null;
        }

        private static object? Unwrap(IDictionary fakeBoundParameters, string name)
        {
            if (!fakeBoundParameters.Contains(name)) return null;
            var value = fakeBoundParameters[name];
            return value is PSObject pso ? pso.BaseObject : value;
        }

        /// <summary>
        /// The items read from one GET, or from up to <paramref name="maxPages"/> pages of a list
        /// walked by its cursor, cached under <paramref name="cacheKey"/> for this connection. The
        /// requests go through the connection's own client (so the key only ever goes to its base
        /// URI), with no retries and one two-second cap covering the whole walk. A page that fails
        /// or comes too late ends the walk: the pages read before it are kept, none is an empty list.
        /// </summary>
        protected IReadOnlyList<PdCompletionItem> Fetch(PdConnection connection, string cacheKey, PdRequest request,
            Func<JToken?, IEnumerable<PdCompletionItem>> read, int maxPages = 1) =>
            Cache.GetOrFetch(connection, cacheKey, () =>
            {
                request.MaxRetries = 0;
                var found = new List<PdCompletionItem>();
                var cts = new CancellationTokenSource(RequestCap);
                var walk = Task.Run(() => Walk(connection.Client, request, maxPages, read, found, cts.Token));
                try
                {
                    if (!walk.Wait(RequestCap + TimeSpan.FromMilliseconds(250)))
                    {
                        cts.Cancel();
                        walk.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    }
                }
                catch (Exception)
                {
                    // The failed page ends the walk; what came before it is still worth offering.
                }
                lock (found)
                {
                    return found.Where(i => !string.IsNullOrEmpty(i.Value)).ToList();
                }
            });

        private static void Walk(PdClient client, PdRequest request, int maxPages,
            Func<JToken?, IEnumerable<PdCompletionItem>> read, List<PdCompletionItem> found, CancellationToken token)
        {
            void Keep(JToken? body)
            {
                var items = read(body).ToList();
                token.ThrowIfCancellationRequested();
                lock (found) found.AddRange(items);
            }

            if (maxPages <= 1)
            {
                // One request as the caller built it (its own limit, or the API's default).
                Keep(client.SendAsync(request, token).GetAwaiter().GetResult());
                return;
            }
            var options = new PdPagingOptions { MaxItems = (long)maxPages * PdPagingOptions.MaxPageSize };
            var pages = PdPager.Pages(request, options, pageRequest =>
            {
                var body = client.SendAsync(pageRequest, token).GetAwaiter().GetResult();
                Keep(body);
                return PdPage.FromJson(body);
            });
            foreach (var _ in pages) token.ThrowIfCancellationRequested();
        }

        /// <summary>The "data" array of a list answer (empty when it is not one).</summary>
        protected static IEnumerable<JObject> DataItems(JToken? body) =>
            (body as JObject)?["data"] is JArray array ? array.OfType<JObject>() : Enumerable.Empty<JObject>();

        /// <summary>A string field of an API object, or null.</summary>
        protected static string? Text(JToken? token, string name) =>
            (token as JObject)?[name] is JValue { Type: JTokenType.String } value ? (string?)value.Value : null;

        /// <summary>
        /// The results for the word typed: items whose value or name starts with it (or matches it,
        /// when it holds wildcards), each value once, in the order listed.
        /// </summary>
        internal static List<CompletionResult> Complete(IEnumerable<PdCompletionItem> items, string? wordToComplete)
        {
            var typed = Unquote(wordToComplete);
            WildcardPattern? pattern = null;
            if (WildcardPattern.ContainsWildcardCharacters(typed))
            {
                pattern = new WildcardPattern(typed.EndsWith("*", StringComparison.Ordinal) ? typed : typed + "*",
                    WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            }
            bool Matches(string? text) => text != null &&
                (pattern != null ? pattern.IsMatch(text) : text.StartsWith(typed, StringComparison.OrdinalIgnoreCase));

            var results = new List<CompletionResult>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!(Matches(item.Value) || Matches(item.Name)) || !seen.Add(item.Value)) continue;
                results.Add(new CompletionResult(Quote(item.Value), item.Value, CompletionResultType.ParameterValue, item.ToolTip));
            }
            return results;
        }

        /// <summary>The word typed without the quotes around it (an opening quote alone is taken off too).</summary>
        internal static string Unquote(string? word)
        {
            var text = word ?? string.Empty;
            if (text.Length > 0 && IsQuote(text[0])) text = text.Substring(1);
            if (text.Length > 0 && IsQuote(text[text.Length - 1])) text = text.Substring(0, text.Length - 1);
            return text;
        }

        private static bool IsQuote(char c) => c == '\'' || c == '"' || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D';

        /// <summary>
        /// A value as it has to be typed: as is when PowerShell reads it back unchanged as a bare word,
        /// else in single quotes (so '$errors' or 'my source' is not expanded or split).
        /// </summary>
        internal static string Quote(string value)
        {
            if (value.Length > 0 && !NeedsQuotes(value)) return value;
            return "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
        }

        private static bool NeedsQuotes(string value)
        {
            if ("-@#<>".IndexOf(value[0]) >= 0) return true;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || IsQuote(c) || "$`;,(){}[]|&".IndexOf(c) >= 0) return true;
            }
            return false;
        }
    }
}
