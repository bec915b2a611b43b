using System;
using System.Globalization;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>Input checks shared by the subscription cmdlets.</summary>
    internal static class SubscriptionIds
    {
        internal static readonly string[] EmitterPrefixes = { "dc_", "p_" };
        internal static readonly string[] ListenerPrefixes = { "dc_", "p_", "wh_" };
        private static readonly string[] EmitterGlobs = { "p_*", "dc_*" };

        /// <summary>Null when the emitter is dc_..., p_... or one of the globs p_* and dc_*; else why not.</summary>
        internal static string? CheckEmitter(string? value)
        {
            var problem = PdValidation.CheckId(value, EmitterPrefixes);
            if (problem != null) return problem;
            if (value!.IndexOf('*') >= 0 && Array.IndexOf(EmitterGlobs, value) < 0)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not a valid emitter: the only patterns the API accepts are 'p_*' (every workflow) and 'dc_*' (every source).", PdText.Quote(value));
            }
            return null;
        }

        /// <summary>Null when the listener is dc_..., p_... or wh_... (no patterns); else why not.</summary>
        internal static string? CheckListener(string? value)
        {
            var problem = PdValidation.CheckId(value, ListenerPrefixes);
            if (problem != null) return problem;
            if (value!.IndexOf('*') >= 0)
            {
                return string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid listener: patterns are not accepted here.", PdText.Quote(value));
            }
            return null;
        }

        /// <summary>Null when an event name (none, or empty, is fine) is at most 1,000 characters with no control characters; else why not.</summary>
        internal static string? CheckEventName(string? value) =>
            string.IsNullOrEmpty(value) ? null : PdValidation.CheckText(value!, "event name");

        /// <summary>"dc_x -> p_y (event default)": the ShouldProcess target of a subscription.</summary>
        internal static string Describe(string emitterId, string listenerId, string? eventName) =>
            emitterId + " -> " + listenerId + (string.IsNullOrEmpty(eventName) ? " (no event name)" : " (event " + eventName + ")");
    }
}
