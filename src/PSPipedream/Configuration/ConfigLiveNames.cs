using System;
using System.Collections.Generic;

namespace PSPipedream.Configuration
{
    /// <summary>The names of the sources and webhooks an account holds, which a file's subscriptions may name without holding them.</summary>
    internal sealed class ConfigLiveNames
    {
        public ConfigLiveNames(IEnumerable<string> sourceNames, IEnumerable<string> webhookNames)
        {
            Sources = new HashSet<string>(sourceNames, StringComparer.Ordinal);
            Webhooks = new HashSet<string>(webhookNames, StringComparer.Ordinal);
        }

        public ISet<string> Sources { get; }
        public ISet<string> Webhooks { get; }
    }
}
