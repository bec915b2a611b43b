using System.Collections.Generic;
using System.Linq;

namespace PSPipedream.Configuration
{
    internal enum ConfigPlanPhase
    {
        Webhooks,
        Components,
        Sources,
        Subscriptions,
        SubscriptionRemovals,
        Removals,
    }

    /// <summary>One write of a plan, with the steps it needs to have succeeded first.</summary>
    internal sealed class ConfigPlanStep
    {
        public ConfigPlanStep(ConfigPlanPhase phase, ConfigurationChange? change, ConfigComponent? component)
        {
            Phase = phase;
            Change = change;
            Component = component;
        }

        public ConfigPlanPhase Phase { get; }

        /// <summary>The change this step makes; null for a component the target lacks.</summary>
        public ConfigurationChange? Change { get; }

        /// <summary>The component to create, for a Components step.</summary>
        public ConfigComponent? Component { get; }

        public List<ConfigPlanStep> DependsOn { get; } = new List<ConfigPlanStep>();

        public string Describe() => Change != null ? Change.Kind + " '" + Change.Name + "'" : "component '" + (Component?.Key ?? Component?.CodeHash) + "'";

        /// <summary>Why this step must be skipped, given the steps that did not succeed; null when it may go ahead.</summary>
        public string? SkipReason(ISet<ConfigPlanStep> notDone)
        {
            var blocker = DependsOn.FirstOrDefault(notDone.Contains);
            return blocker == null ? null : "Skipped because " + blocker.Describe() + " was not " + (blocker.Change?.Action == ConfigurationAction.Remove ? "removed." : "written.");
        }
    }
}
