using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// What an import has done so far, for the sentences that tell the user where it stands: the
    /// note on each failure (its stage, what was done before it) and the warnings at the end.
    /// </summary>
    internal sealed class ConfigImportTally
    {
        public int Done { get; private set; }
        public int Failed { get; private set; }
        public int Skipped { get; private set; }

        public void Count(ConfigImportOutcome outcome)
        {
            if (outcome == ConfigImportOutcome.Done) Done++;
            else if (outcome == ConfigImportOutcome.Failed) Failed++;
            else Skipped++;
        }

        /// <summary>The sentence added to a failure's error: where the import was, and what it had done.</summary>
        public string StageNote(ConfigPlanStep step) => string.Format(CultureInfo.InvariantCulture,
            "(Import stage: {0}. {1} change{2} done before this; {3} and what depends on it not sent.)",
            step.Stage, Done, Done == 1 ? " was" : "s were", step.Describe());

        /// <summary>Null when every change was made; else how many were not, and what to do.</summary>
        public string? Summary()
        {
            if (Failed == 0 && Skipped == 0) return null;
            var total = Done + Failed + Skipped;
            return string.Format(CultureInfo.InvariantCulture,
                "{0} of {1} change{2} made; {3} failed, {4} skipped (each change's Result says why). Importing the file again makes the changes left.",
                Done, total, total == 1 ? " was" : "s were", Failed, Skipped);
        }

        public static string NotPruned(IReadOnlyCollection<ConfigPlanStep> removals)
        {
            var counts = removals.GroupBy(r => r.Change!.Kind).OrderBy(g => g.Key)
                .Select(g => string.Format(CultureInfo.InvariantCulture, "{0} {1}{2}", g.Count(), g.Key.ToString().ToLowerInvariant(), g.Count() == 1 ? string.Empty : "s"));
            return string.Format(CultureInfo.InvariantCulture,
                "The account holds {0} item{1} the file does not ({2}); they were left alone. Use -Prune to delete them.",
                removals.Count, removals.Count == 1 ? string.Empty : "s", string.Join(", ", counts));
        }
    }

    /// <summary>How one change of an import ended; its Result text says why.</summary>
    internal enum ConfigImportOutcome
    {
        Done,
        Failed,
        Skipped,
    }
}
