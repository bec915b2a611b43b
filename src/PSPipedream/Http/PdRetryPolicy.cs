using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;

namespace PSPipedream.Http
{
    /// <summary>
    /// When and how long to wait before sending a request again. One per connection (its
    /// settings are the connection's MaxRetries and MaxRetryWaitSeconds); PdClient.SendAsync asks it
    /// after each failed attempt.
    /// </summary>
    internal sealed class PdRetryPolicy
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
}
