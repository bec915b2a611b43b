using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// The order an import writes in: webhooks, components the target lacks (by code hash),
    /// sources, subscriptions, then removals, subscriptions before the sources and webhooks they
    /// name. Each step records what it depends on, so a failure skips only its dependants.
    /// </summary>
    internal static class ConfigPlan
    {
        public static List<ConfigPlanStep> Order(IEnumerable<ConfigurationChange> changes, ConfigDocument wanted, ConfigLiveIds live)
        {
            var list = changes.ToList();
            var steps = new List<ConfigPlanStep>();
            var writes = new Dictionary<string, ConfigPlanStep>(StringComparer.Ordinal);

            foreach (var change in list.Where(c => c.Kind == ConfigurationKind.Webhook && c.Action != ConfigurationAction.Remove))
            {
                writes["webhook:" + change.Name] = Add(steps, ConfigPlanPhase.Webhooks, change);
            }

            var components = new Dictionary<string, ConfigPlanStep>(StringComparer.Ordinal);
            foreach (var change in list.Where(c => c.Kind == ConfigurationKind.Source && c.Action != ConfigurationAction.Remove))
            {
                var reference = (change.Item as ConfigSource)?.Component;
                var hash = reference?.CodeHash;
                ConfigPlanStep? componentStep = null;
                if (hash != null && !live.Components.ContainsKey(hash) && !components.TryGetValue(hash, out componentStep))
                {
                    var code = wanted.Components.FirstOrDefault(c => string.Equals(c.CodeHash, hash, StringComparison.OrdinalIgnoreCase));
                    if (code != null)
                    {
                        componentStep = new ConfigPlanStep(ConfigPlanPhase.Components, null, code);
                        components.Add(hash, componentStep);
                    }
                }
                if (componentStep == null && NeedsLookup(change, reference, live))
                {
                    // No code to save and no hash the account knows: the key must be found where the
                    // source is made, because the API deploys by id and an id from the file may be another account's.
                    var lookup = "key:" + reference!.Key;
                    if (!components.TryGetValue(lookup, out componentStep))
                    {
                        componentStep = ConfigPlanStep.Lookup(reference.Key!);
                        components.Add(lookup, componentStep);
                    }
                }
                if (componentStep == null) CheckDeployable(change, reference, live, wanted);
                var step = new ConfigPlanStep(ConfigPlanPhase.Sources, change, null);
                if (componentStep != null) step.DependsOn.Add(componentStep);
                writes["source:" + change.Name] = step;
            }
            steps.AddRange(components.Values);
            steps.AddRange(writes.Values.Where(s => s.Phase == ConfigPlanPhase.Sources));

            var subscriptionRemovals = new List<ConfigPlanStep>();
            foreach (var change in list.Where(c => c.Kind == ConfigurationKind.Subscription))
            {
                var subscription = change.Item as ConfigSubscription;
                if (change.Action == ConfigurationAction.Remove)
                {
                    subscriptionRemovals.Add(new ConfigPlanStep(ConfigPlanPhase.SubscriptionRemovals, change, null));
                    continue;
                }
                var step = Add(steps, ConfigPlanPhase.Subscriptions, change);
                foreach (var end in Ends(subscription))
                {
                    if (writes.TryGetValue(end, out var needed)) step.DependsOn.Add(needed);
                }
            }
            steps.AddRange(subscriptionRemovals);

            foreach (var change in list.Where(c => c.Kind != ConfigurationKind.Subscription && c.Action == ConfigurationAction.Remove)
                         .OrderBy(c => c.Kind == ConfigurationKind.Source ? 0 : 1))
            {
                var step = Add(steps, ConfigPlanPhase.Removals, change);
                var named = (change.Kind == ConfigurationKind.Source ? "source:" : "webhook:") + change.Name;
                step.DependsOn.AddRange(subscriptionRemovals.Where(r => Ends(r.Change!.Item as ConfigSubscription).Contains(named)));
            }
            return steps;
        }

        /// <summary>A source to be created (or moved to another component) whose component is known only by its key.</summary>
        private static bool NeedsLookup(ConfigurationChange change, ConfigComponentRef? reference, ConfigLiveIds live)
        {
            if (reference?.Key == null) return false;
            if (reference.CodeHash != null && live.Components.ContainsKey(reference.CodeHash)) return false;
            return change.Action == ConfigurationAction.Create || change.Changes.Any(c => c.Property == ConfigNames.Component);
        }

        /// <summary>PdInvalidConfiguration, before any write, for a source to create whose component cannot be found at all.</summary>
        private static void CheckDeployable(ConfigurationChange change, ConfigComponentRef? reference, ConfigLiveIds live, ConfigDocument wanted)
        {
            if (reference == null || reference.Id != null || reference.Key != null) return;
            if (reference.CodeHash != null && live.Components.ContainsKey(reference.CodeHash)) return;
            if (change.Action != ConfigurationAction.Create && !change.Changes.Any(c => c.Property == ConfigNames.Component)) return;
            var index = wanted.Sources.FindIndex(s => ReferenceEquals(s, change.Item));
            throw PdConfigurationException.Invalid(
                string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}].{2}", ConfigNames.Sources, index, ConfigNames.Component),
                "the component is known only by its code_hash, the file holds no code for it, and the account holds no component with that hash.");
        }

        private static ConfigPlanStep Add(List<ConfigPlanStep> steps, ConfigPlanPhase phase, ConfigurationChange change)
        {
            var step = new ConfigPlanStep(phase, change, null);
            steps.Add(step);
            return step;
        }

        private static IEnumerable<string> Ends(ConfigSubscription? subscription) =>
            subscription == null ? Enumerable.Empty<string>() : new[] { subscription.Emitter.Display, subscription.Listener.Display };
    }
}
