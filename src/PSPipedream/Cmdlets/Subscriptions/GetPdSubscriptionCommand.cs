using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Lists subscriptions: the user's (/users/me/subscriptions), or an org's
    /// (/orgs/{org}/subscriptions) when an org is given by -OrgId, by the pipeline (an OrgId
    /// property, e.g. from Get-PdOrg) or by the connection's default org. -EmitterId and
    /// -ListenerId filter client side (wildcards allowed) and walk every page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdSubscription", SupportsPaging = true)]
    [OutputType(typeof(Subscription))]
    public sealed class GetPdSubscriptionCommand : PdOrgListCmdlet<Subscription>
    {
        private List<PdNamePattern>? _emitters;
        private List<PdNamePattern>? _listeners;

        /// <summary>Only the subscriptions whose emitter matches one of these (wildcards allowed).</summary>
        [Parameter(HelpMessage = "Only the subscriptions whose emitter id matches (wildcards allowed, e.g. dc_*). Filtered on the client.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string[]? EmitterId { get; set; }

        /// <summary>Only the subscriptions whose listener matches one of these (wildcards allowed).</summary>
        [Parameter(HelpMessage = "Only the subscriptions whose listener id matches (wildcards allowed, e.g. p_*). Filtered on the client.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EmitterListenerIdCompleter))]
        public string[]? ListenerId { get; set; }

        private protected override bool HasClientFilter => EmitterId != null || ListenerId != null;

        private protected override IEnumerable<string> RequiredFields
        {
            get
            {
                if (EmitterId != null) yield return "emitter_id";
                if (ListenerId != null) yield return "listener_id";
            }
        }

        private protected override string Collection => "subscriptions";

        private protected override void ProcessPdRecord()
        {
            if (!CheckOrgId()) return;
            _emitters = Patterns(nameof(EmitterId), EmitterId);
            _listeners = Patterns(nameof(ListenerId), ListenerId);
            WriteList(CreateListRequest());
        }

        /// <summary>The patterns of a parameter, compared character by character (see <see cref="PdNamePattern"/>); a '[' never closed is refused.</summary>
        private List<PdNamePattern>? Patterns(string parameterName, string[]? texts)
        {
            if (texts == null) return null;
            var patterns = new List<PdNamePattern>();
            foreach (var text in texts)
            {
                var pattern = PdNamePattern.Parse(text, out var problem);
                if (pattern == null)
                {
                    Reject(parameterName, problem!, text, terminating: true);
                    continue;
                }
                patterns.Add(pattern);
            }
            return patterns;
        }

        private protected override bool Matches(Subscription item) =>
            IsMatch(_emitters, item.EmitterId) && IsMatch(_listeners, item.ListenerId);

        private static bool IsMatch(List<PdNamePattern>? patterns, string? value) =>
            patterns == null || (value != null && patterns.Any(p => p.IsMatch(value)));
    }
}
