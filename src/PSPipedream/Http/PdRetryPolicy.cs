using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PSPipedream.Http
{
    /// <summary>What one attempt ended in, as far as retrying is concerned.</summary>
    internal enum PdFailureKind
    {
        /// <summary>An HTTP error status came back.</summary>
        Status,

        /// <summary>The connection could not be made (refused, host not found): nothing was sent.</summary>
        NotSent,

        /// <summary>The connection failed or was reset after the request may have been sent.</summary>
        Lost,

        /// <summary>No answer within the connection's timeout.</summary>
        TimedOut,

        /// <summary>A 2xx answer whose body is cut off or not JSON.</summary>
        InvalidBody,

        /// <summary>A 2xx answer whose body is larger than the connection reads: it would be as large again.</summary>
        TooLarge,
    }

    /// <summary>
    /// When and how long to wait before sending a request again. One per connection (its
    /// settings are the connection's MaxRetries and MaxRetryWaitSeconds); PdClient.SendAsync asks it
    /// after each failed attempt.
    /// </summary>
    public sealed class PdRetryPolicy
    {
        public const int DefaultMaxRetries = 3;
        public const int MaxRetriesLimit = 10;
        public const int DefaultMaxRetryWaitSeconds = 60;
        public const int MaxRetryWaitSecondsLimit = 3600;

        /// <summary>The longest single backoff wait when the server gives no Retry-After.</summary>
        public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Test-only: the backoff base in milliseconds, so fault tests need not wait whole seconds.
        /// Read once per connection; users have no reason to set it.
        /// </summary>
        internal const string TestBackoffBaseVariable = "PSPD_TEST_RETRY_BASE_MS";

        private static readonly object RandomGate = new object();
        private static readonly Random Jitter = new Random();

        private int _maxRetries = DefaultMaxRetries;
        private int _maxRetryWaitSeconds = DefaultMaxRetryWaitSeconds;

        public PdRetryPolicy()
        {
            var text = Environment.GetEnvironmentVariable(TestBackoffBaseVariable);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 && ms <= 1000)
            {
                BackoffBase = TimeSpan.FromMilliseconds(ms);
            }
        }

        /// <summary>Retries after the first attempt, 0 to 10 (default 3). 0 turns retrying off.</summary>
        public int MaxRetries
        {
            get => Volatile.Read(ref _maxRetries);
            set
            {
                if (value < 0 || value > MaxRetriesLimit)
                    throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "MaxRetries must be from 0 to 10.");
                Volatile.Write(ref _maxRetries, value);
            }
        }

        /// <summary>
        /// The most a request waits between its attempts, in total (default 60 s, at most 3600). A
        /// server that asks for a longer Retry-After gets an error at once instead of a long sleep.
        /// </summary>
        public int MaxRetryWaitSeconds
        {
            get => Volatile.Read(ref _maxRetryWaitSeconds);
            set
            {
                if (value < 0 || value > MaxRetryWaitSecondsLimit)
                    throw new ArgumentOutOfRangeException(nameof(MaxRetryWaitSeconds), value, "MaxRetryWaitSeconds must be from 0 to 3600.");
                Volatile.Write(ref _maxRetryWaitSeconds, value);
            }
        }

        /// <summary>The first backoff ceiling (1 s); it doubles with each retry up to <see cref="MaxBackoff"/>.</summary>
        internal TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Shared by every request of the connection: closed for a while after a 429 with Retry-After.</summary>
        internal PdRetryGate Gate { get; } = new PdRetryGate();

        /// <summary>GET, HEAD, PUT, DELETE and OPTIONS can be repeated without changing the outcome.</summary>
        internal static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put ||
            method == HttpMethod.Delete || method == HttpMethod.Options;

        /// <summary>Whether this kind of failure is worth another attempt at all, for this method.</summary>
        internal static bool IsRetryable(HttpMethod method, PdFailureKind kind, int? status)
        {
            var transientStatus = status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
            if (kind == PdFailureKind.TooLarge) return false;
            if (IsIdempotent(method)) return kind != PdFailureKind.Status || transientStatus;
            // Anything else (POST, PATCH) only when it certainly did not take effect.
            return kind == PdFailureKind.NotSent || (kind == PdFailureKind.Status && (status == 429 || status == 408));
        }

        /// <summary>Whether the attempt may have changed something on the server (so a later 404 on DELETE means done).</summary>
        internal static bool MayHaveTakenEffect(PdFailureKind kind, int? status) =>
            kind == PdFailureKind.Lost || kind == PdFailureKind.TimedOut || kind == PdFailureKind.InvalidBody || kind == PdFailureKind.TooLarge ||
            (kind == PdFailureKind.Status && status >= 500);

        /// <summary>The retry bookkeeping of one request, with this connection's settings as they are now.</summary>
        internal PdRetryRun Begin(HttpMethod method, int? maxRetries = null) => new PdRetryRun(this, method, maxRetries);

        internal static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);

        /// <summary>
        /// Equal jitter: a random wait from half of min(30 s, base x 2^(retry-1)) to all of it. The
        /// jitter spreads the retries of many requests apart; the floor keeps any of them from
        /// coming straight back.
        /// </summary>
        internal TimeSpan Backoff(int retry)
        {
            var ceiling = BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
            ceiling = Math.Min(ceiling, MaxBackoff.TotalMilliseconds);
            double fraction;
            lock (RandomGate) fraction = Jitter.NextDouble();
            return TimeSpan.FromMilliseconds(ceiling / 2 * (1 + fraction));
        }

        /// <summary>
        /// The shortest wait after a Retry-After: a server that says 0, or a date already past, is
        /// still throttling, and retrying at once is what it asked its clients not to do.
        /// </summary>
        internal static readonly TimeSpan MinRetryAfter = TimeSpan.FromSeconds(1);

        /// <summary>How many of the connection's requests may be on the wire at once; lowered by 429s.</summary>
        internal PdConcurrency Concurrency { get; } = new PdConcurrency();

        private long _throttledSinceTicks;

        /// <summary>Called for every answer: a 429 starts (or continues) a spell of throttling, anything else ends it.</summary>
        internal void Observe(int? status)
        {
            if (status == 429) Interlocked.CompareExchange(ref _throttledSinceTicks, DateTime.UtcNow.Ticks, 0);
            else if (status.HasValue) Interlocked.Exchange(ref _throttledSinceTicks, 0);
        }

        /// <summary>
        /// How long the API has answered this connection with nothing but 429s, when that is longer
        /// than a request may wait (MaxRetryWaitSeconds); null otherwise. A fan-out stops starting
        /// new items then, rather than spending its whole input on an API that refuses it.
        /// </summary>
        internal TimeSpan? ThrottledTooLong()
        {
            var since = Interlocked.Read(ref _throttledSinceTicks);
            if (since == 0) return null;
            var spell = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - since);
            return spell > TimeSpan.FromSeconds(MaxRetryWaitSeconds) ? spell : (TimeSpan?)null;
        }
    }

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
