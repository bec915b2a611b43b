using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The client-side -Id / -Name filter of a list cmdlet (the API has no single-item GET for
    /// sources or webhooks): an item passes when its id is one of the ids and its name matches one
    /// of the patterns (wildcards, case-insensitive). It remembers what it found, so the walk can
    /// stop once every id is found and the cmdlet can report ids and exact names it never saw.
    /// </summary>
    internal sealed class PdIdNameFilter
    {
        private readonly string[]? _ids;
        private readonly HashSet<string>? _pendingIds;
        private readonly List<(WildcardPattern Pattern, string Text, bool Matched)>? _names;

        public PdIdNameFilter(IEnumerable<string>? ids, IEnumerable<string>? names)
        {
            _ids = ids?.ToArray();
            _pendingIds = _ids == null ? null : new HashSet<string>(_ids, StringComparer.Ordinal);
            _names = names?.Select(n => (new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant), n, false)).ToList();
        }

        /// <summary>True once every asked id was found (never without ids).</summary>
        public bool IsComplete => _pendingIds != null && _pendingIds.Count == 0;

        /// <summary>The API fields the filter reads, for -Property (include=...).</summary>
        public IEnumerable<string> RequiredFields
        {
            get
            {
                if (_ids != null) yield return "id";
                if (_names != null) yield return "name";
            }
        }

        public bool Matches(string? id, string? name)
        {
            if (_pendingIds != null)
            {
                if (id == null || !_ids!.Contains(id, StringComparer.Ordinal)) return false;
                _pendingIds.Remove(id);
            }
            if (_names == null) return true;
            var any = false;
            for (var i = 0; i < _names.Count; i++)
            {
                if (name != null && _names[i].Pattern.IsMatch(name))
                {
                    _names[i] = (_names[i].Pattern, _names[i].Text, true);
                    any = true;
                }
            }
            return any;
        }

        /// <summary>
        /// PdNotFound for each asked id that no item had, and, when the whole list was read for
        /// names (<paramref name="wholeList"/>), for each name without wildcards that nothing had;
        /// a pattern that matches nothing is not an error. <paramref name="noun"/> is e.g. "source".
        /// </summary>
        public IEnumerable<ErrorRecord> NotFoundErrors(string noun, bool wholeList)
        {
            if (_pendingIds != null)
            {
                var what = char.ToUpperInvariant(noun[0]) + noun.Substring(1);
                foreach (var id in _ids!.Where(_pendingIds.Contains).Distinct(StringComparer.Ordinal))
                    yield return PdErrors.NotFoundRecord(what, id);
                yield break;
            }
            if (_names == null || !wholeList) yield break;
            foreach (var name in _names.Where(n => !n.Matched && !WildcardPattern.ContainsWildcardCharacters(n.Text)))
                yield return PdErrors.NotFoundRecord("A " + noun + " named", name.Text);
        }
    }
}
