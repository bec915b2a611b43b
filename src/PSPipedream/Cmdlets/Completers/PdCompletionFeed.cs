using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// What Tab completion learns from the models the cmdlets write: the component keys of
    /// components and of sources, for Get-PdComponent -Key, which has no list to ask for. The one
    /// place that knows which models carry something worth remembering.
    /// </summary>
    internal static class PdCompletionFeed
    {
        public static void Remember(PdCompletionCache cache, PdConnection connection, PdModel model)
        {
            if (model is Component component)
            {
                cache.AddComponentKey(connection, component.Key, component.Name);
            }
            else if (model is Source && model.TryGetUnknownField("component_key", out var key) && key.Type == JTokenType.String)
            {
                cache.AddComponentKey(connection, (string?)key, null);
            }
        }
    }
}
