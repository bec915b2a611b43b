using System.Collections.Generic;
using System.Globalization;
using PSPipedream.Errors;

namespace PSPipedream
{
    /// <summary>
    /// A document refused before anything is sent (PdInvalidConfiguration), or names that cannot
    /// be matched because they are not unique (PdAmbiguousName). Scripts read ErrorId, and
    /// <see cref="JsonPath"/> or <see cref="Names"/> to point at the problem:
    /// <c>catch { $_.Exception.JsonPath }</c>.
    /// </summary>
    public sealed class PdConfigurationException : PdApiException
    {
        private PdConfigurationException(string errorId, string message, string? jsonPath, IReadOnlyList<string> names)
            : base(errorId, message)
        {
            JsonPath = jsonPath;
            Names = names;
        }

        /// <summary>Where in the document the problem is, e.g. $.sources[3].name; null for PdAmbiguousName.</summary>
        public string? JsonPath { get; }

        /// <summary>The names that are not unique, for PdAmbiguousName; empty otherwise.</summary>
        public IReadOnlyList<string> Names { get; }

        internal static PdConfigurationException Invalid(string jsonPath, string problem) =>
            new PdConfigurationException(PdErrors.InvalidConfiguration,
                string.Format(CultureInfo.InvariantCulture, "The configuration is not valid at {0}: {1}", jsonPath, problem),
                jsonPath, new string[0]);

        internal static PdConfigurationException Ambiguous(string what, IReadOnlyList<string> names) =>
            new PdConfigurationException(PdErrors.AmbiguousName,
                string.Format(CultureInfo.InvariantCulture,
                    "More than one {0} has the same name, so they cannot be matched by name: {1}. Rename them, or use -Force to write them anyway.",
                    what, string.Join(", ", names)),
                null, names);
    }
}
