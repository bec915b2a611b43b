using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Errors;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The client-side -Id / -Name filter of a list cmdlet (the API has no single-item GET for
    /// sources or webhooks): an item passes when its id is one of the ids and its name matches one
    /// of the patterns (wildcards, case-insensitive, character by character: see
    /// <see cref="PdNamePattern"/>). It remembers what it found, so the walk can stop once every id
    /// is found and the cmdlet can report ids and exact names it never saw.
    /// </summary>
    internal sealed class PdIdNameFilter
    {
        private readonly string[]? _ids;
        private readonly HashSet<string>? _pendingIds;
        private readonly List<(PdNamePattern Pattern, bool Matched)>? _names;

        private PdIdNameFilter(string[]? ids, List<(PdNamePattern, bool)>? names)
        {
            _ids = ids;
            _pendingIds = _ids == null ? null : new HashSet<string>(_ids, StringComparer.Ordinal);
            _names = names;
        }

        /// <summary>The filter; null and <paramref name="problem"/> when a name pattern is not valid.</summary>
        public static PdIdNameFilter? Create(IEnumerable<string>? ids, IEnumerable<string>? names, out string? problem)
        {
            problem = null;
            List<(PdNamePattern, bool)>? patterns = null;
            if (names != null)
            {
                patterns = new List<(PdNamePattern, bool)>();
                foreach (var name in names)
                {
                    var pattern = PdNamePattern.Parse(name, out problem);
                    if (pattern == null) return null;
                    patterns.Add((pattern, false));
                }
            }
            return new PdIdNameFilter(ids?.ToArray(), patterns);
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
                    _names[i] = (_names[i].Pattern, true);
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
            foreach (var name in _names.Where(n => !n.Matched && !n.Pattern.HasWildcards))
            {
                var record = PdErrors.NotFoundRecord("A " + noun + " named", name.Pattern.Literal);
                // The message quotes the name; the target, which error views print too, is quoted the same way.
                yield return PdText.HasUnprintable(name.Pattern.Literal)
                    ? new ErrorRecord(record.Exception, record.FullyQualifiedErrorId, record.CategoryInfo.Category, PdText.Target(name.Pattern.Literal))
                    : record;
            }
        }
    }
}
