using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Tab completion for -EventName: the API's event streams default, $errors and $logs.
    /// Names starting with '$' are offered in single quotes so PowerShell does not expand them.
    /// </summary>
    internal sealed class EventNameCompleter : IArgumentCompleter
    {
        /// <summary>What Tab offers, in words, for the generated help.</summary>
        public string Offers => "the event streams: default, $errors and $logs";

        private static readonly (string Name, string Description)[] Names =
        {
            ("default", "Events emitted by sources, or by workflows with $send.emit()."),
            ("$errors", "Errors thrown by workflows or sources."),
            ("$logs", "Logs produced by event sources."),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Names
                .Where(n => n.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(
                    n.Name.StartsWith("$", StringComparison.Ordinal) ? "'" + n.Name + "'" : n.Name,
                    n.Name, CompletionResultType.ParameterValue, n.Description))
                .ToList();
        }
    }
}
