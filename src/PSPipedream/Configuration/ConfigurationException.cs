using System.Collections.Generic;
using System.Globalization;
using PSPipedream.Errors;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// A document refused before anything is sent (PdInvalidConfiguration), or names that cannot
    /// be matched because they are not unique (PdAmbiguousName). Scripts catch PdApiException and
    /// read ErrorId; the message names the JSON path or the names.
    /// </summary>
    internal sealed class ConfigurationException : PdApiException
    {
        private ConfigurationException(string errorId, string message, string? jsonPath, IReadOnlyList<string> names)
            : base(errorId, message)
        {
            JsonPath = jsonPath;
            Names = names;
        }

        /// <summary>Where in the document the problem is, e.g. $.sources[3].name.</summary>
        public string? JsonPath { get; }

        /// <summary>The names that are not unique, for PdAmbiguousName.</summary>
        public IReadOnlyList<string> Names { get; }

        public static ConfigurationException Invalid(string jsonPath, string problem) =>
            new ConfigurationException(PdErrors.InvalidConfiguration,
                string.Format(CultureInfo.InvariantCulture, "The configuration is not valid at {0}: {1}", jsonPath, problem),
                jsonPath, new string[0]);

        public static ConfigurationException Ambiguous(string what, IReadOnlyList<string> names) =>
            new ConfigurationException(PdErrors.AmbiguousName,
                string.Format(CultureInfo.InvariantCulture,
                    "More than one {0} has the same name, so they cannot be matched by name: {1}. Rename them, or use -Force to write them anyway.",
                    what, string.Join(", ", names)),
                null, names);
    }
}
