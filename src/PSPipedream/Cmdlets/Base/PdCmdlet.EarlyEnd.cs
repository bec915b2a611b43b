using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// When a command that dispatched items ends early: Ctrl+C cancels everything in flight; any
    /// other early end lets changes run to their end, writes their outcomes while PowerShell still
    /// takes them, and names them in a warning, so no change is left half-known.
    /// </summary>
    public abstract partial class PdCmdlet
    {
        /// <summary>
        /// Ends every pending item when the command ends early. Ctrl+C: everything in flight is
        /// cancelled (the user asked for it), and the changes among it are named. Otherwise, when
        /// changes are in flight, each runs to its end (a change cut off mid-request leaves its
        /// outcome unknown); their outcomes are written while PowerShell takes them, then a warning
        /// names the changes completed. Reads alone are cancelled. Never throws.
        /// </summary>
        private void SettlePending(bool writeOutcomes)
        {
            if (_pending.Count == 0) return;
            var items = new List<PdPendingItem>(_pending);
            _pending.Clear();
            if (!items.Any(i => i.IsChange))
            {
                Cancel(items);
                return;
            }

            var completed = new List<PdPendingItem>();
            var failed = new List<PdPendingItem>();
            var unknown = new List<PdPendingItem>();
            var canWrite = writeOutcomes;
            foreach (var item in items)
            {
                if (!StopRequested)
                {
                    try
                    {
                        WaitToEnd(item.Task);
                    }
                    catch (PipelineStoppedException)
                    {
                        // Ctrl+C while waiting: the rest is being cancelled.
                    }
                    catch (Exception ex) when (!(ex is OutOfMemoryException))
                    {
                        // A verbose line that could not be written; the wait itself is over.
                    }
                }
                if (!item.Task.IsCompleted)
                {
                    // Cut off by Ctrl+C: it will end on its own; observe it so its failure is not unobserved.
                    item.Task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    if (item.IsChange) unknown.Add(item);
                    continue;
                }
                if (item.Task.IsCanceled)
                {
                    if (item.IsChange) unknown.Add(item);
                    continue;
                }
                var written = false;
                if (canWrite && !StopRequested)
                {
                    try
                    {
                        WriteOutcome(item);
                        written = true;
                    }
                    catch (Exception ex) when (!(ex is OutOfMemoryException))
                    {
                        // PowerShell takes nothing more (the pipeline is stopping): the warnings below tell.
                        canWrite = false;
                    }
                }
                if (item.Task.IsFaulted)
                {
                    _ = item.Task.Exception;
                    if (item.IsChange && !written) failed.Add(item);
                }
                else if (item.IsChange)
                {
                    // Named even when its output was written: without -PassThru there is none to see.
                    completed.Add(item);
                }
            }

            TryWarn(completed.Count == 1 ? "1 change already sent was completed: {1}" : "{0} changes already sent were completed: {1}", completed);
            TryWarn(failed.Count == 1 ? "1 change already sent failed: {1}" : "{0} changes already sent failed: {1}", failed);
            TryWarn(unknown.Count == 1
                ? "Stopped while 1 change was in flight; it may or may not have been made: {1}"
                : "Stopped while {0} changes were in flight; they may or may not have been made: {1}", unknown);
        }

        /// <summary>Cancels the requests of <paramref name="items"/>; their outcomes are observed and dropped.</summary>
        private void Cancel(IEnumerable<PdPendingItem> items)
        {
            CancelAll();
            foreach (var item in items) item.Task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        /// <summary>A warning naming the targets of <paramref name="items"/>, when PowerShell still takes one.</summary>
        private void TryWarn(string format, List<PdPendingItem> items)
        {
            if (items.Count == 0) return;
            var names = string.Join(", ", items.Select(i => PdText.Quote(i.Label)));
            var text = string.Format(CultureInfo.InvariantCulture, format, items.Count, names);
            try
            {
                WriteWarningLine(text);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // After Ctrl+C PowerShell takes no more records; the console still shows a line.
                TryWarnOnHost(text);
            }
        }

        private void TryWarnOnHost(string text)
        {
            try
            {
                if (IsWarningSilenced()) return;
                Host?.UI?.WriteWarningLine(text);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // No console to tell.
            }
        }

        private bool IsWarningSilenced() =>
            PdCommonParameters.Silences(PdCommonParameters.GivenOrPreference(this, "WarningAction", "WarningPreference"));

        /// <summary>
        /// Only when the command ended without passing through FinishPending (e.g. another command
        /// of the pipeline failed): changes still in flight end, and are named.
        /// </summary>
        private protected override void OnDisposing()
        {
            SettlePending(writeOutcomes: false);
        }
    }
}
