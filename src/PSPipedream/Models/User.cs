using System;
using Newtonsoft.Json;
using PSPipedream.Json;

namespace PSPipedream
{
    /// <summary>The authenticated user (GET /users/me). Free plans carry the quota fields, paid plans the billing ones.</summary>
    public sealed class User : PdModel
    {
        public string? Id { get; set; }
        public string? Username { get; set; }
        public string? Email { get; set; }
        public Org[]? Orgs { get; set; }

        /// <summary>Daily compute time allowed, in milliseconds.</summary>
        public long? DailyComputeTimeQuota { get; set; }

        /// <summary>Daily compute time used, in milliseconds.</summary>
        public long? DailyComputeTimeUsed { get; set; }

        public long? DailyInvocationsQuota { get; set; }
        public long? DailyInvocationsUsed { get; set; }

        [JsonProperty("billing_period_start_ts")]
        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? BillingPeriodStart { get; set; }

        [JsonProperty("billing_period_end_ts")]
        [JsonConverter(typeof(UnixSecondsConverter))]
        public DateTime? BillingPeriodEnd { get; set; }

        public long? BillingPeriodInvocations { get; set; }

        public override string ToString() => Username ?? Id ?? string.Empty;
    }
}
