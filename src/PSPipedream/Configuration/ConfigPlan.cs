using System;
using System.Collections.Generic;
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
                var hash = (change.Item as ConfigSource)?.Component.CodeHash;
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
