using System;
using System.Globalization;
using System.Net.Http;

namespace PSPipedream.Http
{
    /// <summary>
    /// One request's retries: how many attempts it may make, how much it has waited, and whether
    /// an earlier attempt may have taken effect. PdClient asks it after each failed attempt.
    /// </summary>
    internal sealed class PdRetryRun
    {
        private readonly PdRetryPolicy _policy;
        private readonly HttpMethod _method;
        private readonly TimeSpan _budget;
        private TimeSpan _waited;
        private bool _mayHaveTakenEffect;

        internal PdRetryRun(PdRetryPolicy policy, HttpMethod method, int? maxRetries = null)
        {
            _policy = policy;
            _method = method;
            var retries = policy.MaxRetries;
            if (maxRetries is int fewer && fewer >= 0 && fewer < retries) retries = fewer;
            MaxAttempts = retries + 1;
            _budget = TimeSpan.FromSeconds(policy.MaxRetryWaitSeconds);
        }

        public int MaxAttempts { get; }

        /// <summary>A DELETE that finds nothing after an attempt that may have deleted it is done, not failed.</summary>
        public bool IsDoneDespite(int? status) => _mayHaveTakenEffect && _method == HttpMethod.Delete && status == 404;

        /// <summary>
        /// Before an attempt: the connection's gate is closed for <paramref name="remaining"/> because
        /// of a 429 to an earlier request. That wait counts against this request's budget like its
        /// own; returns why it gives up instead when the wait is longer than what is left.
        /// </summary>
        public string? ChargeGate(TimeSpan remaining)
        {
            if (remaining > _budget - _waited)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "The API asked this connection to wait {0} more seconds after a 429 to an earlier request, longer than this request may still wait (MaxRetryWaitSeconds {1}).",
                    PdRetryPolicy.Seconds(remaining), PdRetryPolicy.Seconds(_budget));
            }
            _waited += remaining;
            return null;
        }

        /// <summary>
        /// How long to wait before the next attempt, or null to give up; <paramref name="givingUp"/>
        /// says why when it is not just the attempts running out. A wait that honours a 429's
        /// Retry-After also holds back the connection's other requests (the gate).
        /// </summary>
        public TimeSpan? NextWait(PdFailureKind kind, int? status, TimeSpan? retryAfter, int attempt, out string? givingUp)
        {
            givingUp = null;
            var asked = retryAfter is TimeSpan said ? (said < PdRetryPolicy.MinRetryAfter ? PdRetryPolicy.MinRetryAfter : said) : (TimeSpan?)null;
            var backoff = asked ?? _policy.Backoff(attempt);
            // A 429 holds back every request of the connection, whether or not this one tries again:
            // otherwise the next item of a fan-out would go out the moment this one gave up.
            if (status == 429) _policy.Gate.CloseFor(backoff);
            if (!PdRetryPolicy.IsRetryable(_method, kind, status))
            {
                if (!PdRetryPolicy.IsIdempotent(_method) && PdRetryPolicy.MayHaveTakenEffect(kind, status))
                    givingUp = "A " + _method.Method + " is not sent again after a failure like this, because it may have taken effect.";
                return null;
            }
            if (attempt >= MaxAttempts) return null;
            var left = _budget - _waited;
            TimeSpan wait;
            if (asked is TimeSpan required)
            {
                if (required > _budget)
                {
                    givingUp = string.Format(CultureInfo.InvariantCulture,
                        "The server asks to wait {0} seconds before retrying, longer than this connection waits (MaxRetryWaitSeconds {1}).",
                        PdRetryPolicy.Seconds(required), PdRetryPolicy.Seconds(_budget));
                    return null;
                }
                if (required > left)
                {
                    givingUp = string.Format(CultureInfo.InvariantCulture,
                        "The server asks to wait {0} seconds more; with the waits so far that is over the {1} seconds this connection waits in all (MaxRetryWaitSeconds).",
                        PdRetryPolicy.Seconds(required), PdRetryPolicy.Seconds(_budget));
                    return null;
                }
                wait = required;
            }
            else
            {
                wait = backoff < left ? backoff : (left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            _mayHaveTakenEffect |= PdRetryPolicy.MayHaveTakenEffect(kind, status);
            _waited += wait;
            return wait;
        }
    }
}
