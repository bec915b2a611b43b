using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Dispatch: up to -ThrottleLimit pipeline items' requests in flight, their outcomes written in
    /// input order. How an early end treats the items in flight is in PdCmdlet.EarlyEnd.cs.
    /// </summary>
    public abstract partial class PdCmdlet
    {
        private readonly Queue<PdPendingItem> _pending = new Queue<PdPendingItem>();

        /// <summary>Items this command has started (for saying how far it got).</summary>
        private int _dispatched;

        /// <summary>How many items' requests may be in flight at once (-ThrottleLimit); 1 unless a cmdlet offers it.</summary>
        private protected virtual int ThrottleLimitValue => 1;

        /// <summary>
        /// Runs one pipeline item's request: <paramref name="start"/> now, on the pipeline thread
        /// (so the connection is resolved and the request's lines attached here), and <paramref name="finish"/>
        /// with its result on the pipeline thread when the item's turn comes. With a throttle limit
        /// of 1 that is at once, as if the request were sent directly. With N, up to N items are in
        /// flight, and they finish in input order: the call returns once fewer than N are left
        /// unfinished. Validation and ShouldProcess belong before this call, so -WhatIf sends
        /// nothing and -Confirm asks in order; a refused item's error (<see cref="WriteItemError"/>)
        /// waits for the items before it. An API failure is a non-terminating error about
        /// <paramref name="target"/>; the other items go on. Both delegates must use values
        /// captured beforehand, never the cmdlet's pipeline-bound properties, which the next item
        /// changes. <paramref name="label"/> names the item in warnings (default: the target), e.g.
        /// "dc_x (seed-1)" where the error target stays the id.
        /// </summary>
        /// <remarks>
        /// When the command ends early, what happens to the items in flight depends on why. Ctrl+C
        /// cancels them all. Anything else (a terminating error, -ErrorAction Stop, the pipeline
        /// stopped by Select-Object -First) lets changes (requests other than GET) run to their end:
        /// their output is written when PowerShell still takes it, and a warning names the ones that
        /// were completed. Reads in flight are cancelled.
        /// </remarks>
        private protected void Dispatch<T>(object? target, Func<Task<T>> start, Action<T> finish, string? label = null)
        {
            label ??= Convert.ToString(target, CultureInfo.InvariantCulture) ?? string.Empty;
            StopIfThrottledTooLong(target, label);
            _dispatched++;
            _startedChange = false;
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
            _pending.Enqueue(new PdPendingItem(task, () => finish(task.GetAwaiter().GetResult()), target, label, _startedChange));
            FinishPending(ThrottleLimitValue - 1);
        }

        /// <summary>
        /// Starts no more items once the connection has seen nothing but 429s for longer than a
        /// request may wait: every further item would only add to the storm and fail the same way.
        /// The items in flight finish first; then one PdRateLimited names the first item not sent.
        /// </summary>
        private void StopIfThrottledTooLong(object? target, string label)
        {
            var connection = ResolveConnection();
            if (!(connection.Client.Retry.ThrottledTooLong() is TimeSpan spell)) return;
            FinishPending(0);
            var exception = new PdApiException(PdErrors.RateLimited, string.Format(CultureInfo.InvariantCulture,
                "Stopped before {0}: the API has answered this connection with nothing but 429 (Too Many Requests) for {1} seconds, longer than a request waits (MaxRetryWaitSeconds {2}). {3} item{4} had been started; this one and any after it were not sent.",
                label.Length == 0 ? "the next item" : PdText.Quote(label),
                PdRetryPolicy.Seconds(spell), connection.MaxRetryWaitSeconds, _dispatched, _dispatched == 1 ? "" : "s"));
            ThrowApiError(exception, target);
        }

        /// <summary>
        /// A non-terminating error about one pipeline item, written in the item's turn: after the
        /// outcomes of the items before it that are still in flight. Under -ErrorAction Stop those
        /// are written first and then this error stops the command.
        /// </summary>
        private protected override void WriteItemError(ErrorRecord record)
        {
            FlushTraces();
            FinishPending(0);
            base.WriteItemError(record);
        }

        /// <summary>A terminating error about this item: the items before it still in flight end first, and what they wrote comes before the error.</summary>
        private protected override void OnRecordFailing()
        {
            if (_pending.Count == 0 || StopRequested) return;
            try
            {
                FinishPending(0);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Settled by FinishPending; the first error is the one to report.
            }
        }

        /// <summary>Waits for every item in flight and writes its outcome: a barrier between stages that depend on each other.</summary>
        private protected void FinishDispatched() => FinishPending(0);

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
                WriteError(PdErrors.ToErrorRecord(ex, item.Target));
            }
        }

        /// <summary>
        /// Waits for a task to end without observing its outcome, writing each verbose/debug line
        /// as its exchange ends. Ctrl+C surfaces as PipelineStoppedException.
        /// </summary>
        private void WaitToEnd(Task task)
        {
            Traces.WaitToEnd(task);
            if (StopRequested) throw new PipelineStoppedException();
        }

        /// <summary>Finishes the items still in flight; a subclass that overrides this calls it first.</summary>
        protected override void EndProcessing() => FinishPending(0);
    }
}
