using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Dispatch: up to -ThrottleLimit pipeline items' requests in flight, their outcomes written in
    /// input order, and an early end that never leaves a change half-known.
    /// </summary>
    public abstract partial class PdCmdletBase
    {
        private readonly Queue<PdPendingItem> _pending = new Queue<PdPendingItem>();

        // Set by Prepare when a request that changes something (anything but GET) is prepared, so
        // Dispatch knows whether the item it starts is a change.
        private bool _preparedChange;

        /// <summary>How many items' requests may be in flight at once (-ThrottleLimit); 1 unless a cmdlet offers it.</summary>
        protected virtual int ThrottleLimitValue => 1;

        /// <summary>
        /// Runs one pipeline item's request: <paramref name="start"/> now, on the pipeline thread
        /// (so the connection is resolved and the request prepared here), and <paramref name="finish"/>
        /// with its result on the pipeline thread when the item's turn comes. With a throttle limit
        /// of 1 that is at once, as if the request were sent directly. With N, up to N items are in
        /// flight, and they finish in input order: the call returns once fewer than N are left
        /// unfinished. Validation and ShouldProcess belong before this call, so -WhatIf sends
        /// nothing and -Confirm asks in order; a refused item's error (<see cref="WriteItemError"/>)
        /// waits for the items before it. An API failure is a non-terminating error about
        /// <paramref name="target"/>; the other items go on. Both delegates must use values
        /// captured beforehand, never the cmdlet's pipeline-bound properties, which the next item
        /// changes.
        /// </summary>
        /// <remarks>
        /// When the command ends early, what happens to the items in flight depends on why. Ctrl+C
        /// cancels them all. Anything else (a terminating error, -ErrorAction Stop, the pipeline
        /// stopped by Select-Object -First) lets changes (requests other than GET) run to their end:
        /// their output is written when PowerShell still takes it, and a warning names the ones that
        /// were completed. Reads in flight are cancelled.
        /// </remarks>
        protected void Dispatch<T>(object? target, Func<Task<T>> start, Action<T> finish)
        {
            StopIfThrottledTooLong(target);
            _dispatched++;
            _preparedChange = false;
            Task<T> task;
            try
            {
                task = start();
            }
            catch (PdApiException ex)
            {
                // Written in its turn, like a failure of the request itself.
                task = Task.FromException<T>(ex);
            }
            _pending.Enqueue(new PdPendingItem(task, () => finish(task.GetAwaiter().GetResult()), target, _preparedChange));
            FinishPending(ThrottleLimitValue - 1);
        }

        /// <summary>Items this command has started (for saying how far it got).</summary>
        private int _dispatched;

        /// <summary>
        /// Starts no more items once the connection has seen nothing but 429s for longer than a
        /// request may wait: every further item would only add to the storm and fail the same way.
        /// The items in flight finish first; then one PdRateLimited names the first item not sent.
        /// </summary>
        private void StopIfThrottledTooLong(object? target)
        {
            var connection = ResolveConnection();
            if (!(connection.Client.Retry.ThrottledTooLong() is TimeSpan spell)) return;
            FinishPending(0);
            var exception = new PdApiException(PdErrors.RateLimited, string.Format(CultureInfo.InvariantCulture,
                "Stopped before {0}: the API has answered this connection with nothing but 429 (Too Many Requests) for {1} seconds, longer than a request waits (MaxRetryWaitSeconds {2}). {3} item{4} had been started; this one and any after it were not sent.",
                PdText.Quote(Convert.ToString(target, CultureInfo.InvariantCulture) ?? "the next item"),
                PdRetryPolicy.Seconds(spell), connection.MaxRetryWaitSeconds, _dispatched, _dispatched == 1 ? "" : "s"));
            ThrowTerminatingError(PdErrors.ToErrorRecord(exception, target));
        }

        /// <summary>
        /// A non-terminating error about one pipeline item, written in the item's turn: after the
        /// outcomes of the items before it that are still in flight. Under -ErrorAction Stop those
        /// are written first and then this error stops the command.
        /// </summary>
        protected void WriteItemError(ErrorRecord record)
        {
            FinishPending(0);
            WriteError(record);
        }

        /// <summary>Finishes the oldest pending items until at most <paramref name="keep"/> are left.</summary>
        private void FinishPending(int keep)
        {
            try
            {
                while (_pending.Count > keep)
                {
                    var item = _pending.Peek();
                    // Still queued while it is waited for, so a Ctrl+C meanwhile counts it as in flight.
                    WaitToEnd(item.Task);
                    _pending.Dequeue();
                    WriteOutcome(item);
                }
            }
            catch
            {
                // Ctrl+C, a terminating error (-ErrorAction Stop), or the pipeline stopping (Select-Object -First).
                SettlePending(writeOutcomes: true);
                throw;
            }
        }

        /// <summary>Writes what an item came to: its output, or its API failure as a non-terminating error.</summary>
        private void WriteOutcome(PdPendingItem item)
        {
            try
            {
                item.Finish();
            }
            catch (PdApiException ex)
            {
                FlushTraces();
                WriteApiError(ex, item.Target);
            }
        }

        /// <summary>
        /// Waits for a task to end without observing its outcome, writing each verbose/debug line
        /// as its exchange ends. Ctrl+C surfaces as PipelineStoppedException.
        /// </summary>
        private void WaitToEnd(Task task)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, _traced };
            while (WaitHandle.WaitAny(handles) == 1) FlushTraces();
            FlushTraces();
            if (_stopRequested) throw new PipelineStoppedException();
        }

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
                if (!_stopRequested)
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
                if (canWrite && !_stopRequested)
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
            try
            {
                _cts?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
            foreach (var item in items) item.Task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        /// <summary>A warning naming the targets of <paramref name="items"/>, when PowerShell still takes one.</summary>
        private void TryWarn(string format, List<PdPendingItem> items)
        {
            if (items.Count == 0) return;
            var names = string.Join(", ", items.Select(i => PdText.Quote(Convert.ToString(i.Target, CultureInfo.InvariantCulture))));
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

        private bool IsWarningSilenced()
        {
            var preference = MyInvocation.BoundParameters.TryGetValue("WarningAction", out var bound) ? bound : GetVariableValue("WarningPreference");
            if (preference is PSObject pso) preference = pso.BaseObject;
            return preference is ActionPreference ap && (ap == ActionPreference.SilentlyContinue || ap == ActionPreference.Ignore);
        }

        /// <summary>Finishes the items still in flight; a subclass that overrides this calls it first.</summary>
        protected override void EndProcessing() => FinishPending(0);
    }

    /// <summary>An item whose request was started by Dispatch and whose output is not written yet.</summary>
    internal sealed class PdPendingItem
    {
        public PdPendingItem(Task task, Action finish, object? target, bool isChange)
        {
            Task = task;
            Finish = finish;
            Target = target;
            IsChange = isChange;
        }

        public Task Task { get; }

        /// <summary>Writes the item's output; throws the request's PdApiException when it failed.</summary>
        public Action Finish { get; }

        public object? Target { get; }

        /// <summary>Its request changes something (anything but GET): it is finished, never cut off, when the command ends early.</summary>
        public bool IsChange { get; }
    }
}
