using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// What Tab completion has learnt, per connection: each list it fetched (kept for
    /// <see cref="Lifetime"/>, so a second Tab within a minute sends nothing) and the component keys
    /// the module has seen. A connection that is dropped takes its entries with it.
    /// </summary>
    internal sealed class PdCompletionCache
    {
        /// <summary>How long a fetched list is used before the next Tab fetches it again.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

        /// <summary>The most component keys remembered per connection (the oldest go first).</summary>
        internal const int MaxSeenKeys = 200;

        /// <summary>The cache the completers and cmdlets share.</summary>
        public static PdCompletionCache Shared { get; } = new PdCompletionCache();

        private readonly ConditionalWeakTable<object, PerConnection> _connections = new ConditionalWeakTable<object, PerConnection>();
        private readonly Func<DateTime> _utcNow;

        /// <param name="utcNow">The clock (for tests); by default DateTime.UtcNow.</param>
        public PdCompletionCache(Func<DateTime>? utcNow = null)
        {
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>
        /// The list cached under <paramref name="key"/> for this connection while it is fresh, else
        /// what <paramref name="fetch"/> returns now (an empty list when it failed is kept too: one
        /// slow or failing server costs one request a minute, not one per Tab).
        /// </summary>
        public IReadOnlyList<PdCompletionItem> GetOrFetch(object connection, string key, Func<IReadOnlyList<PdCompletionItem>> fetch)
        {
            var entries = _connections.GetOrCreateValue(connection);
            lock (entries)
            {
                if (entries.Lists.TryGetValue(key, out var cached) && _utcNow() - cached.FetchedAt < Lifetime)
                    return cached.Items;
            }
            var items = fetch();
            lock (entries)
            {
                entries.Lists[key] = new CachedList(_utcNow(), items);
            }
            return items;
        }

        /// <summary>The list cached under <paramref name="key"/> while it is fresh, without fetching; else null.</summary>
        public IReadOnlyList<PdCompletionItem>? Peek(object connection, string key)
        {
            if (!_connections.TryGetValue(connection, out var entries)) return null;
            lock (entries)
            {
                return entries.Lists.TryGetValue(key, out var cached) && _utcNow() - cached.FetchedAt < Lifetime
                    ? cached.Items
                    : null;
            }
        }

        /// <summary>Every fresh list whose key starts with <paramref name="prefix"/> (e.g. the sources of any org).</summary>
        public IEnumerable<PdCompletionItem> PeekAll(object connection, string prefix)
        {
            var found = new List<PdCompletionItem>();
            if (!_connections.TryGetValue(connection, out var entries)) return found;
            lock (entries)
            {
                foreach (var pair in entries.Lists)
                {
                    if (pair.Key.StartsWith(prefix, StringComparison.Ordinal) && _utcNow() - pair.Value.FetchedAt < Lifetime)
                        found.AddRange(pair.Value.Items);
                }
            }
            return found;
        }

        /// <summary>Remembers a component key seen on this connection (from Get-PdComponent, New-PdComponent, sources).</summary>
        public void AddComponentKey(object connection, string? key, string? name)
        {
            if (string.IsNullOrWhiteSpace(key)) return;
            var entries = _connections.GetOrCreateValue(connection);
            lock (entries)
            {
                var keys = entries.ComponentKeys;
                var at = keys.FindIndex(k => string.Equals(k.Value, key, StringComparison.Ordinal));
                if (at >= 0)
                {
                    if (name == null) name = keys[at].Name;
                    keys.RemoveAt(at);
                }
                keys.Add(new PdCompletionItem(key!, name, name ?? key!));
                if (keys.Count > MaxSeenKeys) keys.RemoveAt(0);
            }
        }

        /// <summary>The component keys seen on this connection, oldest first (they do not expire).</summary>
        public IReadOnlyList<PdCompletionItem> ComponentKeys(object connection)
        {
            if (!_connections.TryGetValue(connection, out var entries)) return Array.Empty<PdCompletionItem>();
            lock (entries)
            {
                return entries.ComponentKeys.ToArray();
            }
        }

        private sealed class PerConnection
        {
            public readonly Dictionary<string, CachedList> Lists = new Dictionary<string, CachedList>(StringComparer.Ordinal);
            public readonly List<PdCompletionItem> ComponentKeys = new List<PdCompletionItem>();
        }

        private sealed class CachedList
        {
            public CachedList(DateTime fetchedAt, IReadOnlyList<PdCompletionItem> items)
            {
                FetchedAt = fetchedAt;
                Items = items;
            }

            public DateTime FetchedAt { get; }
            public IReadOnlyList<PdCompletionItem> Items { get; }
        }
    }

    /// <summary>One value Tab can offer: the value itself, a name it can also be found by, and the tooltip.</summary>
    internal sealed class PdCompletionItem
    {
        public PdCompletionItem(string value, string? name, string toolTip)
        {
            Value = value;
            Name = name;
            ToolTip = string.IsNullOrEmpty(toolTip) ? value : toolTip;
        }

        public string Value { get; }
        public string? Name { get; }
        public string ToolTip { get; }
    }
}
