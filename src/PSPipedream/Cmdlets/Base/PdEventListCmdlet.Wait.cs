using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// -Wait and its parameters on the event lists: live following, like Get-Content -Wait. The
    /// emitters of every pipeline item are gathered first and followed together once the input
    /// ends (the loop is in PdEventListCmdlet.Follow.cs).
    /// </summary>
    public abstract partial class PdEventListCmdlet<T>
    {
        /// <summary>The paging parameters that make no sense while events keep coming.</summary>
        private static readonly string[] ListOnlyParameters =
        {
            "All", "First", "Skip", "IncludeTotalCount", "PageSize", "After", "Before", "Property", "ExcludeProperty",
        };

        private static readonly string[] WaitOnlyParameters = { nameof(Tail), nameof(PollSeconds), nameof(Timeout) };

        private readonly List<string> _followed = new List<string>();
        private readonly HashSet<string> _followedSet = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Keep writing new events as they come.</summary>
        [Parameter(HelpMessage = "Follow the events live, like Get-Content -Wait: first the newest -Tail events, then each new one once, oldest first, until Ctrl+C, -Timeout, or every followed source or workflow is gone. Cannot be used with -All, -First, -Skip or the other paging parameters.")]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how many of the newest events of each emitter to write first.</summary>
        [Parameter(HelpMessage = "With -Wait: how many of the newest events of each source or workflow to write first, 0 to 100 (default 10; 0 writes only events that come after the wait starts).")]
        [ValidateRange(0, PdEventWindow.Size)]
        public int Tail { get; set; } = 10;

        /// <summary>With -Wait: seconds between two polls of an emitter.</summary>
        [Parameter(HelpMessage = "With -Wait: seconds between two polls of each source or workflow, 1 to 300 (default 5). With many of them the time stretches, so that the connection sends at most about 5 requests a second; -Verbose says so.")]
        [ValidateRange(1, 300)]
        public int PollSeconds { get; set; } = 5;

        /// <summary>With -Wait: stop after this many seconds.</summary>
        [Parameter(HelpMessage = "With -Wait: stop waiting after this many seconds (1 or more), counted from the start. The wait then ends quietly; under -ErrorAction Stop it fails with the error PdWaitTimeout instead.")]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var conflicts = Wait.IsPresent ? ListOnlyParameters : WaitOnlyParameters;
            foreach (var name in conflicts)
            {
                if (!MyInvocation.BoundParameters.TryGetValue(name, out var value)) continue;
                var message = Wait.IsPresent
                    ? string.Format(CultureInfo.InvariantCulture,
                        "-{0} cannot be used with -Wait: while new events keep coming it has no clear meaning. Use -Tail for how many of the newest events to write first.", name)
                    : string.Format(CultureInfo.InvariantCulture, "-{0} is used only with -Wait.", name);
                Reject(name, message, value, terminating: true);
            }
        }

        /// <summary>Remembers an emitter to follow once the input ends (each once, in the order given).</summary>
        private void AddFollowed(string emitterId)
        {
            if (_followedSet.Add(emitterId)) _followed.Add(emitterId);
        }

        /// <summary>Finishes the items in flight, then follows what was gathered.</summary>
        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (!Wait.IsPresent) return;
            if (_followed.Count > 0) Follow(_followed);
            else WriteWarningLine("Nothing to wait for: no " + EmitterNoun + " came down the pipeline, or none could be read.");
        }

        /// <summary>The error that ends a wait whose -Timeout is up, under -ErrorAction Stop.</summary>
        private ErrorRecord WaitTimeoutRecord(IReadOnlyList<string> emitterIds) => PdErrors.Create(PdErrors.WaitTimeout,
            string.Format(CultureInfo.InvariantCulture, "Stopped waiting for new events of {0}: -Timeout {1} s is up.",
                Describe(emitterIds), Timeout),
            Describe(emitterIds));

        /// <summary>The followed emitters in a few words: their ids when there are up to three, else how many.</summary>
        private string Describe(IReadOnlyList<string> emitterIds) => emitterIds.Count <= 3
            ? string.Join(", ", emitterIds)
            : string.Format(CultureInfo.InvariantCulture, "{0} {1}s", emitterIds.Count, EmitterNoun);

        /// <summary>True when a failure is to stop the command: -ErrorAction Stop, or $ErrorActionPreference = 'Stop'.</summary>
        private bool ErrorsStop() =>
            PdCommonParameters.AsPreference(PdCommonParameters.GivenOrPreference(this, "ErrorAction", "ErrorActionPreference")) == ActionPreference.Stop;
    }
}
