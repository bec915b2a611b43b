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

        /// <summary>A step that looks a component key up to its id (GET /components/{key}, then the registry): a read, not a write.</summary>
        public static ConfigPlanStep Lookup(string key) => new ConfigPlanStep(ConfigPlanPhase.Components, null, null) { LookupKey = key };

        public ConfigPlanPhase Phase { get; }

        /// <summary>The component key to look up, for a lookup step.</summary>
        public string? LookupKey { get; private set; }

        /// <summary>The change this step makes; null for a component the target lacks.</summary>
        public ConfigurationChange? Change { get; }

        /// <summary>The component to create, for a Components step.</summary>
        public ConfigComponent? Component { get; }

        /// <summary>What a prompt names: the item, and its live id where it has one.</summary>
        public string Target() => Describe() + (Change?.Id != null ? " (" + Change.Id + ")" : string.Empty);

        /// <summary>The stage of the import, as a user reads it: "webhooks", "subscription removals".</summary>
        public string Stage => Phase == ConfigPlanPhase.SubscriptionRemovals ? "subscription removals" : Phase.ToString().ToLowerInvariant();

        public List<ConfigPlanStep> DependsOn { get; } = new List<ConfigPlanStep>();

        public string Describe() => Change != null ? Change.Kind + " '" + Change.Name + "'" : "component '" + (LookupKey ?? Component?.Key ?? Component?.CodeHash) + "'";

        /// <summary>Why this step must be skipped, given the steps that did not succeed; null when it may go ahead.</summary>
        public string? SkipReason(ISet<ConfigPlanStep> notDone)
        {
            var blocker = DependsOn.FirstOrDefault(notDone.Contains);
            if (blocker == null) return null;
            if (blocker.LookupKey != null) return "Skipped because " + blocker.Describe() + " could not be looked up; nothing was created for it.";
            return "Skipped because " + blocker.Describe() + " was not " + (blocker.Change?.Action == ConfigurationAction.Remove ? "removed." : "written.");
        }
    }
}
