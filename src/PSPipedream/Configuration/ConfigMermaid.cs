using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// Draws a document's subscriptions as a Mermaid flowchart that GitHub, GitLab and VS Code
    /// render as they are: sources, workflows, webhooks and globs as nodes, subscriptions as edges
    /// labelled with their event name, and sources nothing listens to in a class of their own.
    /// Node ids are generated (a name is never an id, since any character may be in it) and every
    /// list is sorted, so the same document always gives the same text.
    /// </summary>
    internal static class ConfigMermaid
    {
        /// <summary>The class given to sources that no subscription reads from.</summary>
        public const string UnheardClass = "unheard";

        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        public static string Write(ConfigDocument document)
        {
            var subscriptions = ConfigOrder.Subscriptions(document.Subscriptions).ToList();
            var nodes = new Dictionary<string, string>(Ordinal);
            var text = new StringBuilder("flowchart LR\n");

            // A dc_* emitter reads every source, so none of them goes unheard.
            var heard = new HashSet<string>(subscriptions.Where(s => s.Emitter.Kind == ConfigEndKind.Source).Select(s => s.Emitter.Value), Ordinal);
            var everySourceHeard = subscriptions.Any(s => s.Emitter.Kind == ConfigEndKind.Id && s.Emitter.Value == "dc_*");

            var sourceNames = document.Sources.Select(s => s.Name)
                .Concat(Ends(subscriptions, ConfigEndKind.Source)).Distinct(Ordinal).OrderBy(n => n, Ordinal);
            foreach (var name in sourceNames)
            {
                var unheard = !everySourceHeard && !heard.Contains(name);
                Node(text, nodes, "src", ConfigEnd.Source(name), "([\"", "\"])", unheard);
            }

            var ids = Ends(subscriptions, ConfigEndKind.Id).Distinct(Ordinal).OrderBy(id => id, Ordinal).ToList();
            foreach (var id in ids.Where(id => !IsGlob(id) && id.StartsWith("p_", StringComparison.Ordinal)))
            {
                Node(text, nodes, "wf", ConfigEnd.Id(id), "[\"", "\"]", false);
            }
            foreach (var id in ids.Where(IsGlob)) Node(text, nodes, "glob", ConfigEnd.Id(id), "{{\"", "\"}}", false);
            foreach (var id in ids.Where(id => !IsGlob(id) && !id.StartsWith("p_", StringComparison.Ordinal)))
            {
                Node(text, nodes, "id", ConfigEnd.Id(id), "[\"", "\"]", false);
            }

            var webhookNames = document.Webhooks.Select(w => w.Name)
                .Concat(Ends(subscriptions, ConfigEndKind.Webhook)).Distinct(Ordinal).OrderBy(n => n, Ordinal);
            foreach (var name in webhookNames) Node(text, nodes, "hook", ConfigEnd.Webhook(name), "[/\"", "\"/]", false);

            foreach (var subscription in subscriptions)
            {
                text.Append("  ").Append(nodes[subscription.Emitter.Display]).Append(" -->");
                if (!string.IsNullOrEmpty(subscription.EventName)) text.Append("|\"").Append(Escape(subscription.EventName!)).Append("\"|");
                text.Append(' ').Append(nodes[subscription.Listener.Display]).Append('\n');
            }

            text.Append("  classDef ").Append(UnheardClass).Append(" stroke-dasharray: 5 5\n");
            return text.ToString();
        }

        /// <summary>
        /// A label safe inside Mermaid's "..." form: quotes, brackets, pipes, angle brackets and the
        /// entity sign become entity codes, and line breaks and other control characters a space.
        /// </summary>
        public static string Escape(string label)
        {
            var text = new StringBuilder(label.Length);
            foreach (var c in label)
            {
                switch (c)
                {
                    case '"': text.Append("#quot;"); break;
                    case '#': case '[': case ']': case '(': case ')': case '{': case '}':
                    case '|': case '<': case '>': case '&': case '`': case '\\':
                        text.Append('#').Append((int)c).Append(';');
                        break;
                    default:
                        text.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
                        break;
                }
            }
            return text.ToString();
        }

        private static bool IsGlob(string id) => id.IndexOf('*') >= 0;

        private static IEnumerable<string> Ends(IEnumerable<ConfigSubscription> subscriptions, ConfigEndKind kind) =>
            subscriptions.SelectMany(s => new[] { s.Emitter, s.Listener }).Where(e => e.Kind == kind).Select(e => e.Value);

        private static void Node(StringBuilder text, Dictionary<string, string> nodes, string prefix, ConfigEnd end, string open, string close, bool unheard)
        {
            if (nodes.ContainsKey(end.Display)) return;
            var id = prefix + nodes.Values.Count(v => v.StartsWith(prefix, StringComparison.Ordinal) && char.IsDigit(v[prefix.Length])).ToString(System.Globalization.CultureInfo.InvariantCulture);
            nodes.Add(end.Display, id);
            text.Append("  ").Append(id).Append(open).Append(Escape(end.Value)).Append(close);
            if (unheard) text.Append(":::").Append(UnheardClass);
            text.Append('\n');
        }
    }
}
