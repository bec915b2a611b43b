using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace PSPipedream.Http
{
    /// <summary>
    /// How many requests a connection lets onto the wire at once, lowered when the API throttles
    /// and raised again slowly as answers come back (additive increase, multiplicative decrease,
    /// as TCP does). Unlimited until the first 429: then at most half of what was in flight, down
    /// to one; each full round of answers without a 429 lets one more through, and past
    /// <see cref="Ceiling"/> the limit is gone again. Shared by every runspace using the connection.
    /// </summary>
    internal sealed class PdConcurrency
    {
        /// <summary>Once the limit climbs past this it is lifted: more than -ThrottleLimit's maximum in flight.</summary>
        public const int Ceiling = 32;

        private const int Unlimited = int.MaxValue;

        private readonly object _lock = new object();
        private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new LinkedList<TaskCompletionSource<bool>>();
        private int _limit = Unlimited;
        private int _inFlight;
        private int _successes;

        /// <summary>Bumped at each lowering; a 429 to a request sent before it says nothing new about the load.</summary>
        private int _generation;

        /// <summary>The current limit, or null when there is none.</summary>
        public int? Limit
        {
            get
            {
                lock (_lock) return _limit == Unlimited ? (int?)null : _limit;
            }
        }

        /// <summary>Waits for a free slot; the ticket goes back to <see cref="Exit"/> when the attempt is over.</summary>
        public async Task<Ticket> EnterAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> waiter;
            LinkedListNode<TaskCompletionSource<bool>> node;
            lock (_lock)
            {
                if (_waiters.Count == 0 && _inFlight < _limit)
                {
                    _inFlight++;
                    return new Ticket(_generation);
                }
                waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
            using (cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    // Still queued: leave the queue. Already handed a slot: keep it (Exit gives it back).
                    if (node.List == null) return;
                    _waiters.Remove(node);
                }
                waiter.TrySetCanceled();
            }))
            {
                await waiter.Task.ConfigureAwait(false);
            }
            lock (_lock) return new Ticket(_generation);
        }

        /// <summary>
        /// Gives the slot back, with what the attempt learnt: a 429, or an answer that was not one.
        /// Returns a sentence for -Verbose when the limit was lowered or lifted, else null.
        /// </summary>
        public string? Exit(Ticket ticket, bool throttled, bool answered)
        {
            string? note = null;
            lock (_lock)
            {
                var inFlightWithThis = _inFlight;
                _inFlight--;
                if (throttled && ticket.Generation == _generation)
                {
                    var lowered = Math.Max(1, Math.Min(_limit, inFlightWithThis) / 2);
                    var before = _limit;
                    _limit = lowered;
                    _generation++;
                    _successes = 0;
                    if (lowered < before && inFlightWithThis > 1)
                    {
                        note = string.Format(CultureInfo.InvariantCulture,
                            "the API is throttling: at most {0} request{1} at once on this connection until it recovers",
                            lowered, lowered == 1 ? "" : "s");
                    }
                }
                else if (answered && !throttled && _limit != Unlimited && ++_successes >= _limit)
                {
                    _successes = 0;
                    _limit++;
                    if (_limit > Ceiling)
                    {
                        _limit = Unlimited;
                        note = "the API has stopped throttling: requests on this connection are no longer limited";
                    }
                }
                while (_waiters.Count > 0 && _inFlight < _limit)
                {
                    var next = _waiters.First!;
                    _waiters.RemoveFirst();
                    _inFlight++;
                    next.Value.TrySetResult(true);
                }
            }
            return note;
        }

        /// <summary>A held slot, and the lowering it was taken under.</summary>
        internal readonly struct Ticket
        {
            public Ticket(int generation) => Generation = generation;

            public int Generation { get; }
        }
    }
}
