using System;

namespace PSPipedream.Cmdlets
{
    /// <summary>One source or workflow being followed: the ids the API still lists for it, and when to poll it next.</summary>
    internal sealed class PdFollowedEmitter
    {
        public PdFollowedEmitter(string id, int position)
        {
            Id = id;
            Position = position;
        }

        public string Id { get; }

        /// <summary>Its place among the followed emitters: how events of the same id are ordered, and the order of polls in a round.</summary>
        public int Position { get; }

        public PdEventWindow Window { get; } = new PdEventWindow();

        /// <summary>When it is due for its next poll (UTC); the first poll is due at once.</summary>
        public DateTime NextPoll { get; set; } = DateTime.MinValue;

        /// <summary>True while its page lists an event without an id that does not fit its model, once that has been told.</summary>
        public bool ToldIdless { get; set; }

        /// <summary>When its last good poll was made (UTC).</summary>
        public DateTime? LastPolled { get; set; }
    }
}
