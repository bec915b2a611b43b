using System.Collections.Generic;

namespace PSPipedream.Configuration
{
    /// <summary>An account read into a document, with the ids behind its names and the names that were not unique.</summary>
    internal sealed class ConfigSnapshot
    {
        public ConfigSnapshot(ConfigDocument document, ConfigLiveIds ids, IReadOnlyList<string> duplicateSources, IReadOnlyList<string> duplicateWebhooks)
        {
            Document = document;
            Ids = ids;
            DuplicateSources = duplicateSources;
            DuplicateWebhooks = duplicateWebhooks;
        }

        public ConfigDocument Document { get; }
        public ConfigLiveIds Ids { get; }

        /// <summary>Source names held by more than one source; only ever non-empty under force, for a warning.</summary>
        public IReadOnlyList<string> DuplicateSources { get; }

        /// <summary>Webhook names held by more than one webhook; only ever non-empty under force, for a warning.</summary>
        public IReadOnlyList<string> DuplicateWebhooks { get; }

        /// <summary>"source.prop" for each prop written as a secret by its name alone, its component not flagging it.</summary>
        public IReadOnlyList<string> GuessedSecrets { get; set; } = new string[0];
    }
}
